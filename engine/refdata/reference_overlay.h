#pragma once
// ReferenceOverlay: the folder of `--reference-data DIR`, whose files replace the bundled
// reference files (`rulesets/reference/`) at the same relative path: `DIR/fx/ecb-euro-
// reference-rates.csv` replaces the FX rates, `DIR/privacy/gdpr-child-consent-age.csv` a
// ruleset's lookup table, `DIR/markets.json` the market table.
//
// Provenance: a replacing file carries its own (the `# source:` and `# date:` lines of a CSV
// table, the `source` and `date` members of markets.json), unless a sidecar `FILE.meta.json`
// beside it gives `{"source": "...", "date": "YYYY-MM-DD", "version": "..."}` (`version`
// optional), which then replaces the file's own lines and lets a CSV table go without them.
// markets.json has members for its provenance and takes no sidecar.
//
// Open checks the folder as a whole: a file with no bundled counterpart is an error (a
// misspelt name would otherwise leave the bundled table in use unnoticed), and so is a
// sidecar without its file or with a bad member. Immutable once opened.
//
//   std::optional<ReferenceOverlay> overlay = ReferenceOverlay::Open(bundled, "my-rates", &error);
//   ReferenceOverlay::File file = overlay->Locate(bundled + "/fx/ecb-euro-reference-rates.csv");
//   // file.path: my-rates/fx/ecb-euro-reference-rates.csv; file.sidecar: its .meta.json, if any

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "engine/refdata/provenance.h"

namespace tradelint {

class ReferenceOverlay {
 public:
  // What to read in place of a bundled file.
  struct File {
    std::string path;                   // the file to read
    std::optional<Provenance> sidecar;  // its sidecar's provenance (name left empty)
  };

  // The overlay with no files: every bundled file is read as it is.
  ReferenceOverlay() = default;

  // Lists `overlay_directory` (recursively) against `bundled_directory`. On error returns
  // nullopt and sets `error` to `<path>: <message>`.
  static std::optional<ReferenceOverlay> Open(const std::string& bundled_directory,
                                              const std::string& overlay_directory,
                                              std::string* error);

  // The file to read for the bundled file at `path`: the overlay's file at the same path
  // relative to the bundled directory when there is one, else `path` itself (also for a
  // path outside the bundled directory, such as a table of a ruleset of `--rules`).
  File Locate(const std::string& path) const;

  bool empty() const { return files_.empty(); }

 private:
  std::filesystem::path bundled_;  // canonical
  // By the path relative to the bundled directory, in generic form (`fx/...csv`).
  std::map<std::string, File, std::less<>> files_;
};

// Reads the sidecar at `path` (`{"source", "date", "version"}`) into `provenance` (name left
// as it is). Returns an error message, or an empty string.
std::string ReadProvenanceSidecar(const std::string& path, Provenance* provenance);

}  // namespace tradelint
