// A deliberately wrong store file: the store must not include the app layer above it.
#include "badgeuse/app/check_in_service.hpp"
