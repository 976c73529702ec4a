// Errors the database layer raises before any request is served, each saying what an operator should do.

/** The server database has no PostGIS extension available or installed. */
export class PostgisMissingError extends Error {
  override readonly name = 'PostgisMissingError'
  constructor(detail: string) {
    super(
      `PostGIS is not available in the database named by DATABASE_URL (${detail}). ` +
        'Install it on the database server (Debian/Ubuntu: `apt-get install postgresql-15-postgis-3`, ' +
        'matching your PostgreSQL major version), then either run `CREATE EXTENSION postgis;` as a superuser ' +
        'in that database or give the Renewal Atlas user the right to create it. ' +
        'To try Renewal Atlas without a server, unset DATABASE_URL: the embedded database has PostGIS built in.',
    )
  }
}

/** A setting in the environment has a value that cannot be used. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError'
}
