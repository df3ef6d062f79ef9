#include "library/version.h"

namespace tradelint {

std::string_view LibraryVersion() { return TRADELINT_VERSION; }

}  // namespace tradelint
