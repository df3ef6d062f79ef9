#pragma once
// OFAC's Specially Designated Nationals list in OFAC's legacy CSV files (docs/screening.md):
//
//   sdn.csv   ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
//             Vess_flag, Vess_owner, Remarks        (`-0-` is empty; programs `IRAN] [SDGT`)
//   alt.csv   ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks (`weak aka`)
//   add.csv   ent_num, add_num, address, city/state/postal, country, add_remarks
//
// The files carry no date or version: the list's provenance is given by the caller (a sidecar
// `sdn.csv.meta.json`). Dates of birth and nationalities are read from the remarks
// (`DOB 07 Oct 1952; ... nationality Russia;`).

#include <optional>
#include <string>
#include <string_view>

#include "engine/screening/sanctions_list.h"

namespace tradelint {

struct SdnFiles {
  std::string_view sdn, alt, add;  // the files' text; alt and add may be empty
};

// Builds the list from the files. On error (sdn.csv without entries, a row without its
// ent_num) returns nullopt and sets `error`.
std::optional<SanctionsList> ParseOfacSdn(const SdnFiles& files, Provenance provenance,
                                          std::string* error);

}  // namespace tradelint
