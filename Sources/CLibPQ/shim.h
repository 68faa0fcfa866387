// libpq, the PostgreSQL project's own C client, for Swift.
#ifndef DESKTERM_CLIBPQ_SHIM_H
#define DESKTERM_CLIBPQ_SHIM_H

#include <libpq-fe.h>

// The diagnostic field codes are character macros Swift cannot import.
static const int deskterm_PG_DIAG_SQLSTATE = 'C';
static const int deskterm_PG_DIAG_MESSAGE_PRIMARY = 'M';
static const int deskterm_PG_DIAG_MESSAGE_DETAIL = 'D';
static const int deskterm_PG_DIAG_CONSTRAINT_NAME = 'n';

#endif
