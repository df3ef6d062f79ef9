#pragma once
// The United Nations Security Council Consolidated List in the UN's XML format
// (`sc-sanctions.xsd`): INDIVIDUAL and ENTITY elements with their names (FIRST_NAME to
// FOURTH_NAME, NAME_ORIGINAL_SCRIPT), aliases (QUALITY `Good`, `Low`: weak), dates of birth,
// nationalities and addresses. The list's version and date are its `dateGenerated`.

#include <optional>
#include <string>
#include <string_view>

#include "engine/screening/sanctions_list.h"

namespace tradelint {

// Builds the list from the XML text; `name` is the file's name for the provenance, `source`
// who published it. On error (no CONSOLIDATED_LIST with a dateGenerated) returns nullopt
// and sets `error`.
std::optional<SanctionsList> ParseUnList(std::string_view xml, std::string name, std::string source,
                                         std::string* error);

}  // namespace tradelint
