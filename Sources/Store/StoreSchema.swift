import GRDB

/// The schema, as named migrations that are only ever appended to: a store made by any
/// earlier QuantBT opens and is brought up to date in place.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 runs, params, metrics, trades, datasets, artifacts, tags") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id TEXT PRIMARY KEY NOT NULL, experiment TEXT NOT NULL, kind TEXT NOT NULL,
                    parent_id TEXT REFERENCES runs(id) ON DELETE CASCADE, status TEXT NOT NULL,
                    started TEXT, finished TEXT, duration_ms INTEGER, git_commit TEXT, git_dirty INTEGER,
                    config_sha256 TEXT, data_sha256 TEXT, manifest_sha256 TEXT, toolchain TEXT, host TEXT, pid INTEGER, run_dir TEXT);
                CREATE TABLE params (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, key TEXT NOT NULL,
                    text TEXT NOT NULL, number REAL, PRIMARY KEY (run_id, key));
                CREATE TABLE metrics (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, segment TEXT NOT NULL,
                    key TEXT NOT NULL, value REAL, PRIMARY KEY (run_id, segment, key));
                CREATE TABLE trades (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, trade_id INTEGER NOT NULL,
                    symbol TEXT NOT NULL, direction TEXT NOT NULL, quantity REAL NOT NULL, entry_time TEXT NOT NULL,
                    entry_price REAL NOT NULL, exit_time TEXT NOT NULL, exit_price REAL NOT NULL, commission REAL NOT NULL,
                    pnl REAL NOT NULL, "return" REAL NOT NULL, bars INTEGER NOT NULL, PRIMARY KEY (run_id, trade_id));
                CREATE TABLE datasets (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, path TEXT NOT NULL,
                    bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (run_id, path));
                CREATE TABLE artifacts (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, file TEXT NOT NULL,
                    bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (run_id, file));
                CREATE TABLE tags (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, key TEXT NOT NULL,
                    value TEXT NOT NULL, PRIMARY KEY (run_id, key));
                """)
        }
        migrator.registerMigration("v2 error column and query indexes") { db in
            try db.execute(sql: """
                ALTER TABLE runs ADD COLUMN error TEXT;
                CREATE INDEX runs_by_experiment ON runs(experiment, started);
                CREATE INDEX runs_by_parent ON runs(parent_id);
                CREATE INDEX runs_by_status ON runs(status);
                CREATE INDEX metrics_by_value ON metrics(key, segment, value);
                CREATE INDEX params_by_number ON params(key, number);
                CREATE INDEX tags_by_value ON tags(key, value);
                """)
        }
        migrator.registerMigration("v3 store facts") { db in
            // `built`: the folders have been indexed once (so a new file is filled exactly once).
            try db.execute(sql: "CREATE TABLE store_facts (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        }
        migrator.registerMigration("v4 trade tags") { db in
            // Runs indexed before tags existed had none: they read as untagged.
            try db.execute(sql: "ALTER TABLE trades ADD COLUMN tag TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v5 jobs") { db in
            // quantbt serve's queue: a job outlives the server that took it.
            try db.execute(sql: """
                CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    experiment TEXT NOT NULL, kind TEXT NOT NULL,
                    overrides TEXT NOT NULL, tags TEXT NOT NULL, timeout REAL,
                    status TEXT NOT NULL, progress REAL NOT NULL DEFAULT 0,
                    submitted TEXT NOT NULL, started TEXT, finished TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0, run_id TEXT, error TEXT,
                    idempotency_key TEXT UNIQUE, cancel_requested INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX jobs_status ON jobs(status, id);
                """)
        }
        migrator.registerMigration("v6 trades without rowid") { db in
            // A trade lives in its primary key's b-tree alone: inserting a run's 10,000
            // trades writes one b-tree, not a table and an index of (run_id, trade_id).
            // Rows and their order by key are unchanged; the table is rebuilt once.
            try db.execute(sql: """
                CREATE TABLE trades_by_key (run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, trade_id INTEGER NOT NULL,
                    symbol TEXT NOT NULL, direction TEXT NOT NULL, quantity REAL NOT NULL, entry_time TEXT NOT NULL,
                    entry_price REAL NOT NULL, exit_time TEXT NOT NULL, exit_price REAL NOT NULL, commission REAL NOT NULL,
                    pnl REAL NOT NULL, "return" REAL NOT NULL, bars INTEGER NOT NULL, tag TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (run_id, trade_id)) WITHOUT ROWID;
                INSERT INTO trades_by_key SELECT run_id, trade_id, symbol, direction, quantity, entry_time, entry_price, exit_time,
                    exit_price, commission, pnl, "return", bars, tag FROM trades;
                DROP TABLE trades;
                ALTER TABLE trades_by_key RENAME TO trades;
                """)
        }
        return migrator
    }
}
