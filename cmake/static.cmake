# -DPVEPLAN_STATIC=ON: link each library pveplan needs from its static
# archive (lib*.a) when Debian ships one, and the others from their shared
# objects; only when every archive is there is the binary fully static
# (-static, the C library included). Debian 12 ships no libxlsxwriter.a, so
# there the binary still loads libxlsxwriter.so.4 (and through it libminizip,
# libcrypto and libz) and the C library: docs/install.md.
# Sets PVEPLAN_LIBS, PVEPLAN_STATIC_MISSING and PVEPLAN_FULLY_STATIC.
set(PVEPLAN_STATIC_MISSING "")
set(static_archives "")
set(static_dynamic "")
add_library(pveplan_deps INTERFACE)
foreach(mod YAML CMARK XLSX SODIUM UTF8PROC)
  target_include_directories(pveplan_deps INTERFACE ${${mod}_STATIC_INCLUDE_DIRS})
  target_compile_options(pveplan_deps INTERFACE ${${mod}_STATIC_CFLAGS_OTHER})
  foreach(lib ${${mod}_STATIC_LIBRARIES})
    if(lib STREQUAL "m" OR lib STREQUAL "pthread")
      continue()
    endif()
    string(MAKE_C_IDENTIFIER "PVEPLAN_ARCHIVE_${lib}" var)
    find_library(${var} NAMES lib${lib}.a HINTS ${${mod}_STATIC_LIBRARY_DIRS})
    if(${var})
      list(APPEND static_archives ${${var}})
    else()
      list(APPEND static_dynamic ${lib})
      list(APPEND PVEPLAN_STATIC_MISSING ${lib})
    endif()
  endforeach()
endforeach()
list(REMOVE_DUPLICATES static_archives)
list(REMOVE_DUPLICATES PVEPLAN_STATIC_MISSING)
# A group: cmark-gfm-extensions calls into cmark-gfm, which comes first.
string(REPLACE ";" "," archive_list "${static_archives}")
target_link_libraries(pveplan_deps INTERFACE "$<LINK_GROUP:RESCAN,${archive_list}>")
foreach(lib ${static_dynamic})
  target_link_libraries(pveplan_deps INTERFACE ${lib})
endforeach()
find_package(Threads REQUIRED)
target_link_libraries(pveplan_deps INTERFACE Threads::Threads m)
if(PVEPLAN_STATIC_MISSING)
  set(PVEPLAN_FULLY_STATIC OFF)
  message(STATUS "pveplan: static archives linked: ${static_archives}")
  message(STATUS "pveplan: no static archive for: ${PVEPLAN_STATIC_MISSING}; linked "
                 "dynamically, with the C library (docs/install.md)")
else()
  set(PVEPLAN_FULLY_STATIC ON)
  message(STATUS "pveplan: every library static: a fully static binary")
endif()
set(PVEPLAN_LIBS pveplan_deps)
