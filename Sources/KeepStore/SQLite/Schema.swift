/// The store's schema as a list of forward migrations. A store records the version it is at; opening runs the
/// missing migrations in order, each in its own transaction, and refuses a store newer than this build.
/// Migrations are append-only: never edit one that has shipped.
enum Schema {
    struct Migration {
        let version: Int
        let sql: String
    }

    // No WITHOUT ROWID tables: SQLite 3.40 (Debian 12) falsely reports NULL columns in them from
    // PRAGMA integrity_check, and the integrity check is how operators and tests verify a store.
    static let migrations: [Migration] = [
        Migration(version: 1, sql: """
            CREATE TABLE domains (
                id TEXT PRIMARY KEY NOT NULL,
                display_name TEXT NOT NULL,
                enabled INTEGER NOT NULL,
                subscription_active INTEGER NOT NULL,
                domain_key_version INTEGER NOT NULL,
                allows_key_export INTEGER NOT NULL,
                requires_client_auth_usage INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE objects (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                uid TEXT NOT NULL UNIQUE,
                domain_id TEXT NOT NULL REFERENCES domains(id),
                object_type INTEGER NOT NULL,
                state INTEGER NOT NULL,
                algorithm INTEGER,
                length INTEGER,
                wrapped_key BLOB,
                domain_key_version INTEGER,
                attributes BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX objects_by_domain_state ON objects(domain_id, state);
            CREATE INDEX objects_by_domain_type ON objects(domain_id, object_type, algorithm, length);
            CREATE INDEX objects_by_domain_key_version ON objects(domain_id, domain_key_version)
                WHERE domain_key_version IS NOT NULL;

            CREATE TABLE object_names (
                object_seq INTEGER NOT NULL REFERENCES objects(seq) ON DELETE CASCADE,
                domain_id TEXT NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (object_seq, name)
            ) STRICT;
            CREATE INDEX object_names_by_name ON object_names(domain_id, name);

            CREATE TABLE object_custom_attributes (
                object_seq INTEGER NOT NULL REFERENCES objects(seq) ON DELETE CASCADE,
                domain_id TEXT NOT NULL,
                name TEXT NOT NULL,
                idx INTEGER NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (object_seq, name, idx)
            ) STRICT;
            CREATE INDEX object_custom_attributes_by_value ON object_custom_attributes(domain_id, name, value);

            CREATE TABLE metadata (
                key TEXT PRIMARY KEY NOT NULL,
                value BLOB NOT NULL
            ) STRICT;
            """),
        // v2: the rotation journal. A rotation records its target version before it starts and clears it when
        // done, so a restarted process knows to resume it.
        Migration(version: 2, sql: """
            CREATE TABLE rotations (
                scope TEXT PRIMARY KEY NOT NULL,
                from_version INTEGER NOT NULL,
                to_version INTEGER NOT NULL,
                started_at INTEGER NOT NULL
            ) STRICT;
            """),
        // v3: the client registry. A TLS client certificate, by SHA-256 fingerprint, names a tenant and a role.
        Migration(version: 3, sql: """
            CREATE TABLE clients (
                fingerprint TEXT PRIMARY KEY NOT NULL,
                domain_id TEXT NOT NULL REFERENCES domains(id),
                role TEXT NOT NULL,
                name TEXT NOT NULL,
                subject TEXT NOT NULL,
                self_signed INTEGER NOT NULL,
                revoked INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER,
                wire_profile TEXT NOT NULL DEFAULT 'standard'
            ) STRICT;
            CREATE UNIQUE INDEX clients_by_domain_name ON clients(domain_id, name);
            """),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }
}
