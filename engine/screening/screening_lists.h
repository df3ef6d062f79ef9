#pragma once
// The sanctions lists shipped as reference data (docs/screening.md, "Lists"), or the files of
// `--reference-data` that replace them:
//
//   rulesets/reference/sanctions/ofac-sdn/sdn.csv, alt.csv, add.csv   OFAC's legacy CSV files,
//       with the sidecar sdn.csv.meta.json (source, date, version): the files have no room
//   rulesets/reference/sanctions/un/consolidated.xml   the UN list; its own dateGenerated
//   rulesets/reference/sanctions/list-countries.csv    the lists' country names -> ISO codes
//
// A newer file of the same format dropped in with `--reference-data` is read the same way;
// a replacing sdn.csv needs its own sidecar.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/date.h"
#include "engine/refdata/reference_data.h"
#include "engine/refdata/reference_overlay.h"
#include "engine/screening/screener.h"

namespace tradelint {

inline constexpr std::string_view kSdnFolder = "sanctions/ofac-sdn";
inline constexpr std::string_view kUnListFile = "sanctions/un/consolidated.xml";

// A list whose date is more than this many days before the as-of date is stale: a screening
// finding notes it and `check` and `screen` warn once (docs/screening.md, "List ages"). The
// lists' Provenance::stale_after_days.
inline constexpr int kListStaleAfterDays = 30;

// Reads the OFAC SDN list from a folder of OFAC's CSV files (sdn.csv, alt.csv, add.csv and
// the sidecar sdn.csv.meta.json), each file through `overlay`. Without a sidecar, the
// provenance is `unsidecared` when given (an older copy kept for comparison), else an error.
// On error returns nullopt and sets `error`.
std::optional<SanctionsList> LoadSdnFolder(const std::string& folder, std::string* error,
                                           const ReferenceOverlay& overlay = ReferenceOverlay(),
                                           const Provenance* unsidecared = nullptr);

// Reads both lists and the country table from the reference directory and builds their
// Screener; appends the lists' and the table's provenance. On error returns null and sets `error`.
std::shared_ptr<const Screener> LoadScreener(const std::string& reference_directory,
                                             const ReferenceOverlay& overlay,
                                             std::vector<Provenance>* provenance,
                                             std::string* error);

// The screener of `reference`'s lists, built on first use and shared (ReferenceData::Derived);
// null with `error` set when the lists cannot be read.
std::shared_ptr<const Screener> SharedScreener(const ReferenceData& reference, std::string* error);

// The note for a list older than kListStaleAfterDays at `as_of`, else "".
std::string StaleListNote(const SanctionsList& list, Date as_of);

}  // namespace tradelint
