// A deliberately wrong core file: the architecture check must refuse it.
#include <sqlite3.h>

#include <vector>
