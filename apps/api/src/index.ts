export { apiRoutesOf, createApp } from './app.ts'
export { createLogger } from './logger.ts'
export { type RunningServer, startServer, VERSION, WEB_DIST } from './server.ts'
