// Umbrella header for SQLite 3. Only KeepStore imports this module.
#ifndef KEEP_CSQLITE_H
#define KEEP_CSQLITE_H
#include <sqlite3.h>
#endif
