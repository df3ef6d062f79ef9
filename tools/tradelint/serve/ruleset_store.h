#pragma once
// RulesetStore: the compiled rulesets the server judges with, replaced as a whole on reload
// (SIGHUP, `POST /v1/admin/reload`).
//
// A request takes the current Engine once (Current) and keeps it until it has answered, so a
// reload never changes the rules under a request in flight; the old Engine is freed when the
// last request holding it ends. Reload compiles the rulesets again from the same paths; when
// that fails, the running Engine stays and the outcome carries the diagnostics.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/api/engine.h"

namespace tradelint::serve {

struct RulesetSource {
  std::vector<std::string> rule_paths;    // --rules; empty: the bundled rulesets
  std::string reference_data;             // --reference-data; empty: none
  std::vector<std::string> plugin_paths;  // --plugin
};

struct ReloadOutcome {
  bool reloaded = false;
  std::int64_t generation = 0;  // of the Engine in use after the attempt
  // `tradelint lint --format json`'s document: every diagnostic of the compilation (warnings
  // too, also on success).
  std::string diagnostics_json;
  std::string diagnostics_text;  // the same, rendered for a log
};

class RulesetStore {
 public:
  explicit RulesetStore(RulesetSource source) : source_(std::move(source)) {}

  // Compiles the rulesets for the first time (Reload).
  ReloadOutcome Load() { return Reload(); }

  // Compiles the rulesets again and, when that succeeds, swaps the new Engine in. Reloads
  // run one at a time. Thread-safe.
  ReloadOutcome Reload();

  // The Engine in use (null before a successful Load) and its generation: 1 after Load, one
  // more for each successful Reload. Thread-safe.
  struct Snapshot {
    std::shared_ptr<const Engine> engine;
    std::int64_t generation = 0;
  };
  Snapshot Current() const;

 private:
  const RulesetSource source_;
  std::mutex reload_mutex_;           // one compilation at a time
  mutable std::mutex current_mutex_;  // guards current_
  Snapshot current_;
};

}  // namespace tradelint::serve
