#include "tools/tradelint/serve/query_list.h"

#include <algorithm>

namespace tradelint::serve {

std::vector<std::string> SplitList(const std::vector<std::string>& values, bool upper_case) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t end = std::min(value.find(',', start), value.size());
      std::string item = value.substr(start, end - start);
      std::erase_if(item, [](char c) { return c == ' '; });
      if (upper_case) {
        for (char& c : item) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
      }
      if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
        items.push_back(std::move(item));
      }
      start = end + 1;
    }
  }
  return items;
}

}  // namespace tradelint::serve
