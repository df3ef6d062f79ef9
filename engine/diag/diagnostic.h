#pragma once
// Diagnostics for ruleset authors: a stable snake_case code, a severity, a primary span, a
// message, optional secondary labels and a help line. Codes are catalogued in
// docs/diagnostics.md and never change meaning.
//
// Rendered form (see Render):
//   rules/eu/gpsr.trl:12:11: error[unknown_field]: unknown field `product.manufactrer`
//      12 |   require present(product.manufactrer.name)
//         |                   ^^^^^^^^^^^^^^^^^^^
//      = help: did you mean `product.manufacturer`?

#include <string>
#include <vector>

#include "engine/source/source.h"

namespace tradelint {

enum class DiagnosticSeverity { kError, kWarning, kNote };

// `error`, `warning` or `note`: the word of rendered diagnostics and of machine reports.
std::string_view SeverityName(DiagnosticSeverity severity);

struct DiagnosticLabel {
  Span span;
  std::string message;
};

struct Diagnostic {
  std::string code;
  DiagnosticSeverity severity = DiagnosticSeverity::kError;
  Span span;
  std::string message;
  std::vector<DiagnosticLabel> labels;  // secondary locations ("first defined here")
  std::string help;                     // empty when none

  // The text block above, ending with a newline.
  std::string Render() const;
};

// Collects diagnostics of every stage. Not thread-safe; one per compilation.
class Diagnostics {
 public:
  Diagnostic& Error(std::string code, Span span, std::string message, std::string help = {});
  Diagnostic& Warning(std::string code, Span span, std::string message, std::string help = {});
  void Add(Diagnostic diagnostic);
  void Append(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const;
  // Every diagnostic rendered, in the order reported.
  std::string RenderAll() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

}  // namespace tradelint
