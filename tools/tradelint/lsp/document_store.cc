#include "tools/tradelint/lsp/document_store.h"

#include <algorithm>

#include "tools/tradelint/lsp/uri.h"

namespace tradelint::lsp {

Document& DocumentStore::Open(const std::string& uri, std::string text, int version) {
  Document& document = documents_[uri];
  document = Document{};
  document.uri = uri;
  const std::optional<std::string> path = PathFromUri(uri);
  document.on_disk = path.has_value();
  // A buffer without a file is checked alone, under a name that no folder holds.
  document.path = path ? *path : "/nonexistent/tradelint-lsp-buffer.trl";
  document.text = std::move(text);
  document.version = version;
  return document;
}

Document* DocumentStore::Change(const std::string& uri, const std::vector<TextChange>& changes,
                                int version) {
  Document* document = Find(uri);
  if (document == nullptr) return nullptr;
  for (const TextChange& change : changes) {
    if (!change.range) {
      document->text = change.text;
      continue;
    }
    const LineIndex lines(document->text);
    const std::size_t begin = lines.OffsetOf(change.range->start);
    const std::size_t end = std::max(begin, lines.OffsetOf(change.range->end));
    document->text.replace(begin, end - begin, change.text);
  }
  document->version = version;
  document->stale = true;
  return document;
}

void DocumentStore::Close(const std::string& uri) { documents_.erase(uri); }

Document* DocumentStore::Find(const std::string& uri) {
  const auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second;
}

std::vector<Document*> DocumentStore::AnalyzeStale(const LanguageData& data) {
  std::vector<Document*> analyzed;
  for (auto& [uri, document] : documents_) {
    if (!document.stale) continue;
    document.analysis = Analyze(data, document.path, document.text, document.on_disk);
    if (document.analysis->document != nullptr) document.parsed = document.analysis;
    document.stale = false;
    analyzed.push_back(&document);
  }
  return analyzed;
}

void DocumentStore::MarkAllStale() {
  for (auto& [uri, document] : documents_) document.stale = true;
}

}  // namespace tradelint::lsp
