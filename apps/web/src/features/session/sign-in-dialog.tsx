// The sign-in dialog, opened from the header's 登录 button or from any "please sign in" message.
import { useI18n } from '../../i18n/i18n-context.tsx'
import { ModalDialog } from '../../ui/modal-dialog.tsx'
import { useSession } from './session-context.tsx'
import { SignInForm } from './sign-in-form.tsx'

export function SignInDialog() {
  const { t } = useI18n()
  const { closeSignIn } = useSession()
  return (
    <ModalDialog
      title={t('auth.signInTitle')}
      onClose={closeSignIn}
      className="modal--narrow"
      testId="sign-in-dialog"
      actions={
        <button type="button" className="button" onClick={closeSignIn}>
          {t('common.cancel')}
        </button>
      }
    >
      <SignInForm />
    </ModalDialog>
  )
}
