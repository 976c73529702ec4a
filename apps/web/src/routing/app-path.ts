// The app's one page is the start page: every view is a route over the location hash (hash-history.ts), so a path
// other than these is a page that does not exist (the server answers it 404 with the app, which says so).
export const appPaths: readonly string[] = ['/', '/index.html']

export function isAppPath(pathname: string): boolean {
  return appPaths.includes(pathname)
}
