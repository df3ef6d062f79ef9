// textDocument/publishDiagnostics: the parser's and checker's diagnostics of a document.

#include "tools/tradelint/lsp/features.h"

namespace tradelint::lsp {
namespace {

// LSP's DiagnosticSeverity.
int SeverityNumber(DiagnosticSeverity severity) {
  switch (severity) {
    case DiagnosticSeverity::kError:
      return 1;
    case DiagnosticSeverity::kWarning:
      return 2;
    case DiagnosticSeverity::kNote:
      return 3;
  }
  return 1;
}

}  // namespace

nlohmann::json PublishDiagnostics(const Document& document) {
  nlohmann::json diagnostics = nlohmann::json::array();
  if (document.analysis != nullptr) {
    // Every diagnostic that has a place lies in the document's text as analyzed.
    const LineIndex lines(document.text);
    for (const Diagnostic& diagnostic : document.analysis->diagnostics) {
      nlohmann::json item = {
          {"range", diagnostic.span.valid()
                        ? RangeJson(lines, diagnostic.span.begin, diagnostic.span.end)
                        : RangeJson(lines, 0, 0)},
          {"severity", SeverityNumber(diagnostic.severity)},
          {"code", diagnostic.code},
          {"source", "tradelint"},
          {"message", diagnostic.help.empty() ? diagnostic.message
                                              : diagnostic.message + "\nhelp: " + diagnostic.help}};
      nlohmann::json related = nlohmann::json::array();
      for (const DiagnosticLabel& label : diagnostic.labels) {
        if (label.span.valid()) {
          related.push_back(
              {{"location", LocationJson(document, label.span)}, {"message", label.message}});
        }
      }
      if (!related.empty()) item["relatedInformation"] = std::move(related);
      diagnostics.push_back(std::move(item));
    }
  }
  return {{"uri", document.uri}, {"version", document.version}, {"diagnostics", diagnostics}};
}

}  // namespace tradelint::lsp
