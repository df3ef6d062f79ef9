#pragma once
// Loading: ruleset paths -> parsed ruleset files, with imports resolved.
//
// A path is a `.trl` file or a folder searched recursively for `.trl` files (in sorted order,
// so runs are reproducible). An `import` naming a ruleset that none of the paths provides is
// looked up in the library folder (the bundled rulesets), so an author's own ruleset can
// import `eu.common`.
//
// Each file gets its rules root (ast::RulesetFile::rules_root): the folder given, or a given
// file's own folder; for the bundled rulesets the data directory. A `.trl` file found in a
// folder must resolve, after symbolic links, inside that folder (`path_outside_rules_root`);
// one that cannot be read (a dangling symbolic link, a loop, not a regular file, larger than
// `limits.files.max_ruleset_bytes`) is `unreadable_ruleset`. No exception escapes.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/base/file.h"
#include "engine/diag/diagnostic.h"
#include "engine/parse/parser.h"

namespace tradelint {

// The limits files are read and parsed under, and whether their `test` blocks are parsed.
struct RulesetLoadLimits {
  RulesetFileLimits files;
  ParseLimits parse;
  TestBlocks tests = TestBlocks::kParse;
};

// Text read instead of a ruleset file's contents on disk (an editor's unsaved buffer), keyed by
// the file's std::filesystem::weakly_canonical path. A path given that names such a file is
// loaded even when nothing exists there on disk yet.
using UnsavedFiles = std::map<std::string, std::string, std::less<>>;

// Returns the files that parsed, each parsed under `limits`. When `files_read` is given, it is
// set to the number of ruleset files read from `paths` and the library, also those that did
// not parse. Files in `unsaved` are read from there.
std::vector<std::unique_ptr<ast::RulesetFile>> LoadRulesetFiles(
    const std::vector<std::string>& paths, const std::string& library_directory,
    Diagnostics& diagnostics, std::size_t* files_read = nullptr,
    const RulesetLoadLimits& limits = {}, const UnsavedFiles& unsaved = {});

// What rules folders add to the bundled data (docs/extending.md): the files
// `extension/data-model.json` and `extension/languages.csv` directly inside each folder of
// `paths` other than the library, in the order of `paths`.
struct RulesetExtensions {
  std::vector<std::string> data_models;  // Schema::Load's `extensions`
  std::vector<std::string> languages;    // ReferenceData::Load's `language_extensions`
};
// An extension file that leads outside its rules folder is `path_outside_rules_root`.
RulesetExtensions FindRulesetExtensions(const std::vector<std::string>& paths,
                                        const std::string& library_directory,
                                        Diagnostics& diagnostics);

// The folder that holds the shipped data (`rulesets/`, `schema/`): $TRADELINT_DATA_DIR when
// set; else `../share/tradelint` beside the running binary (an installed tool) or beside the
// shared library holding the engine (libtradelint); else the source tree it was built from. Empty
// when none of them has the data.
std::string FindDataDirectory();

}  // namespace tradelint
