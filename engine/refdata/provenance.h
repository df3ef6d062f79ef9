#pragma once
// Where a reference table comes from, as the report's `reference_data` lists it so that a
// decision can be replayed against the same data.

#include <string>

namespace tradelint {

struct Provenance {
  std::string name;     // the table's file, relative to the reference directory
  std::string source;   // who published the data (and where it was taken from)
  std::string date;     // the snapshot date, YYYY-MM-DD
  std::string version;  // the publisher's version of the data, when a sidecar gives one
  // A snapshot dated more than this many days before the as-of date is stale, and a run that
  // used it warns (sanctions lists: 30); 0: the table does not go stale by its date.
  int stale_after_days = 0;
};

}  // namespace tradelint
