// The pages opened from the header and the account menu: the import wizard, one's account, and the administrators'
// users, audit log and deleted compounds. Each returns to the map.
import { useRouterState } from '@tanstack/react-router'
import { useMemo } from 'react'
import { AccountPage } from '../features/account/account-page.tsx'
import { AuditPage } from '../features/admin/audit-page.tsx'
import { DeletedCompoundsPage } from '../features/admin/deleted-compounds-page.tsx'
import { UsersPage } from '../features/admin/users-page.tsx'
import { streetOptionsOf } from '../features/atlas-data/street-options.ts'
import { useAreas } from '../features/atlas-data/use-areas.ts'
import { ImportPage } from '../features/exchange/import-page.tsx'
import { useAtlasNavigation, useLocateCompound } from './use-atlas-navigation.ts'

function useBackToMap(): () => void {
  const { openMap } = useAtlasNavigation()
  return () => openMap()
}

export function ImportsRoute() {
  const backToMap = useBackToMap()
  return <ImportPage onBack={backToMap} />
}

export function AccountRoute() {
  const section = useRouterState({ select: (state) => state.location.state.section })
  const backToMap = useBackToMap()
  return <AccountPage section={section} onBack={backToMap} />
}

export function UsersRoute() {
  const { state } = useAreas()
  const areas = state.status === 'ready' ? state.areas : null
  const streets = useMemo(() => streetOptionsOf(areas), [areas])
  const backToMap = useBackToMap()
  return <UsersPage streets={streets} onBack={backToMap} />
}

export function AuditRoute() {
  const backToMap = useBackToMap()
  return <AuditPage onBack={backToMap} />
}

export function DeletedRoute() {
  const backToMap = useBackToMap()
  const locateCompound = useLocateCompound()
  return <DeletedCompoundsPage onBack={backToMap} onShowCompound={locateCompound} />
}
