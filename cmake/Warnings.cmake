# tradelint_warnings(target): strict warnings as errors on the project's own code.
# Generated (ANTLR) and third-party code never gets these.
# GCC 12 reports -Wmaybe-uninitialized inside std::variant and std::optional moves when
# optimising (GCC bug 105593 and its relatives), and -Wfree-nonheap-object when a std::variant
# holding a container is destroyed after inlining (GCC bug 104475 and relatives), and at -O3
# -Wrestrict inside std::string's char_traits (GCC bug 105651): false positives on standard
# library code that would make an optimised build fail, so those three warnings are off for
# GCC. Clang (the sanitizer and fuzz builds) keeps them on.
function(tradelint_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized -Wno-free-nonheap-object -Wno-restrict)
  endif()
endfunction()

# tradelint_library(NAME <target> SOURCES <files...> [DEPS <targets...>] [PRIVATE_DEPS <targets...>])
# One stage of the pipeline: a static library whose headers are included as
# "engine/<stage>/<file>.h" from the repository root.
function(tradelint_library)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SOURCES})
  target_include_directories(${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  tradelint_warnings(${ARG_NAME})
endfunction()
