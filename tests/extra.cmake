# Optional test targets beyond the unit tests.
if(TRADELINT_FUZZ)
  add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/fuzz ${CMAKE_BINARY_DIR}/fuzz)
endif()

# diagnostics_golden_test: rendered diagnostics of every case in tests/golden/diagnostics/
# against its .expected file (TRADELINT_UPDATE_GOLDEN=1 rewrites them; see the test's header).
add_executable(diagnostics_golden_test ${CMAKE_CURRENT_SOURCE_DIR}/unit/golden/diagnostics_golden_test.cc)
tradelint_warnings(diagnostics_golden_test)
tradelint_test_compile_options(diagnostics_golden_test)
target_link_libraries(diagnostics_golden_test PRIVATE tradelint_api tradelint_plugins GTest::gtest_main)
gtest_discover_tests(diagnostics_golden_test DISCOVERY_TIMEOUT 60 TEST_PREFIX "golden.")

# cli_e2e: end-to-end tests of the tradelint binary (tests/e2e/run_cli_tests.py).
add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/e2e ${CMAKE_BINARY_DIR}/e2e)

# serve_*: the HTTP server driven over loopback (tests/serve/).
add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/serve ${CMAKE_BINARY_DIR}/serve)

# lsp_session: the language server driven by a real LSP client (tests/lsp/).
add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/lsp ${CMAKE_BINARY_DIR}/lsp)

# base_test compares the UTF-8 decoder with utf8proc's.
if(TARGET base_test)
  target_link_libraries(base_test PRIVATE PkgConfig::UTF8PROC)
endif()

# check_test parses snippets and builds its own environment with the built-in function library.
if(TARGET check_test)
  target_link_libraries(check_test PRIVATE tradelint_plugins tradelint_parse)
endif()

# plan_test compiles small rulesets through the public API to get a Program.
if(TARGET plan_test)
  target_link_libraries(plan_test PRIVATE tradelint_api tradelint_plugins)
endif()

# api_test compiles rulesets with the built-in function library.
if(TARGET api_test)
  target_link_libraries(api_test PRIVATE tradelint_plugins)
endif()

# Repository checks, run by tools/test.sh like every test.
# references: docs and comments cite the project's own files, not files outside it.
add_test(NAME references
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tools/check-references.py ${PROJECT_SOURCE_DIR})
# layering: every include follows the stage order of docs/architecture.md.
add_test(NAME layering
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tools/check-layering.py ${PROJECT_SOURCE_DIR})
# feeds_doc: docs/cli.md lists every attribute the feed mappings (schema/feeds/) map.
add_test(NAME feeds_doc
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tools/feeds-doc.py --check ${PROJECT_SOURCE_DIR})
# format: every tracked C++ file is formatted as .clang-format says (tools/check-format.sh --fix).
add_test(NAME format COMMAND ${PROJECT_SOURCE_DIR}/tools/check-format.sh ${PROJECT_SOURCE_DIR})

# embedding: the installed library, CMake package and pkg-config file, used by examples/embedding.
add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/embedding ${CMAKE_BINARY_DIR}/embedding-test)

# python: the Python package's pytest suite (tests/python/).
add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/python ${CMAKE_BINARY_DIR}/python-test)

# plugins_e2e: plugins built outside the engine, loaded with --plugin (tests/plugins/).
add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}/plugins ${CMAKE_BINARY_DIR}/plugins-test)
