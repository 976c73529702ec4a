// A modal dialog on the native <dialog> element: it keeps focus inside, Escape closes it, and the page behind is
// inert. Shown while mounted; the parent decides when it goes.
import { type ReactNode, useEffect, useId, useRef } from 'react'

export interface ModalDialogProps {
  title: ReactNode
  onClose: () => void
  children: ReactNode
  /** Buttons at the foot of the dialog. */
  actions?: ReactNode
  className?: string
  /** `alertdialog` for a question that needs an answer (a confirmation, a conflict). */
  role?: 'dialog' | 'alertdialog'
  testId?: string
}

export function ModalDialog({
  title,
  onClose,
  children,
  actions,
  className,
  role,
  testId,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    // Escape: the parent closes the dialog by unmounting it, so React's state and the screen agree.
    const onCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      {...(role === 'alertdialog' ? { role } : {})}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      <div className="modal__head">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
      </div>
      <div className="modal__body">{children}</div>
      {actions && <div className="modal__actions">{actions}</div>}
    </dialog>
  )
}
