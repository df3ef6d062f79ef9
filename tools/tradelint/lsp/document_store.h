#pragma once
// The documents the client has open, by URI, kept in step with the client's edits
// (`textDocument/didOpen`, `didChange` with full or incremental changes, `didClose`).
// Each keeps its latest analysis and the latest one in which its text parsed, which
// navigation (hover, definition, symbols) reads while the text has a syntax error.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tools/tradelint/lsp/analysis.h"
#include "tools/tradelint/lsp/text_position.h"

namespace tradelint::lsp {

struct Document {
  std::string uri;
  std::string path;      // the file's path; for a buffer without a file, a path that names none
  bool on_disk = false;  // a `file:` URI: checked with the other rulesets of its folder
  std::string text;
  int version = 0;
  bool stale = true;  // edited since `analysis` was made
  std::shared_ptr<const Analysis> analysis;
  std::shared_ptr<const Analysis> parsed;  // the latest analysis with `document` set
};

// One edit of `textDocument/didChange`: the text replacing `range`, or the whole text when
// there is no range.
struct TextChange {
  struct Range {
    Position start, end;
  };
  std::optional<Range> range;
  std::string text;
};

class DocumentStore {
 public:
  Document& Open(const std::string& uri, std::string text, int version);
  // Applies the changes in order (each range counts in the text the previous change left).
  // Returns null when the document is not open.
  Document* Change(const std::string& uri, const std::vector<TextChange>& changes, int version);
  void Close(const std::string& uri);
  Document* Find(const std::string& uri);

  // Analyzes every document edited since its last analysis; returns them.
  std::vector<Document*> AnalyzeStale(const LanguageData& data);
  // Marks every document for analysis (a file they may read has changed on disk).
  void MarkAllStale();
  // The documents, by URI.
  std::map<std::string, Document>& documents() { return documents_; }

 private:
  std::map<std::string, Document> documents_;
};

}  // namespace tradelint::lsp
