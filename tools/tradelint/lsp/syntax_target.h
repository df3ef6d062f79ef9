#pragma once
// What a position in a parsed ruleset points at: the word under the cursor and what it names,
// for hover and go to definition.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/schema/schema.h"

namespace tradelint::lsp {

struct SyntaxTarget {
  enum class Kind {
    kNone,
    // A field path from the record root (`product.manufacturer.name`, or a quantifier
    // variable's element). A lone lower-case name may also be a `def`; an upper-case one a
    // `const`, `set` or `table`, a market or a currency: `kName` says so.
    kFieldPath,
    kName,           // a name that may be a definition (`offered_to_consumers`, `IOSS_CEILING`)
    kFunction,       // the name of a call: a library function or a `def` with parameters
    kDefinition,     // the name a `def`, `const`, `set` or `table` declares
    kRule,           // a rule's own id
    kRuleReference,  // a rule named elsewhere (`override eu.gpsr.x`, `expect finding x`)
    kRuleset,        // a ruleset id: the file's own, or one it imports
    kTableFile,      // the file a `table` names
  };
  Kind kind = Kind::kNone;
  Span span;         // the word under the cursor
  std::string text;  // the word (a name, a dotted id, a file name)
  // kFieldPath and kName: the path's segments from the record root (`[]` steps into a list);
  // empty when the name is not a path (a `def` parameter).
  std::vector<std::string> segments;
  // kFieldPath and kName: the record kind of the rule the path is in; nullopt in a definition,
  // which any kind may use.
  std::optional<RecordKind> record_kind;
  const ast::Rule* rule = nullptr;              // kRule
  const ast::Definition* definition = nullptr;  // kDefinition, kTableFile
};

// The innermost target at byte `offset` of `file`; kind kNone when the offset is on nothing
// that names anything.
SyntaxTarget TargetAt(const ast::RulesetFile& file, std::size_t offset);

// `path` written as the language writes it: `lines[*].unit_price`.
std::string PathText(const std::vector<std::string>& segments);

}  // namespace tradelint::lsp
