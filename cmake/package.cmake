# What 'cmake --install' and 'cpack' put where (docs/install.md): the
# binary, the man page, the bash and zsh completions written by the binary
# itself at build time, the documentation and the examples.

set(PVEPLAN_COMPLETION_DIR ${CMAKE_BINARY_DIR}/completion)
add_custom_command(
  OUTPUT ${PVEPLAN_COMPLETION_DIR}/pveplan ${PVEPLAN_COMPLETION_DIR}/_pveplan
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PVEPLAN_COMPLETION_DIR}
  COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:pveplan> -DSHELL=bash
          -DOUT=${PVEPLAN_COMPLETION_DIR}/pveplan -P ${CMAKE_SOURCE_DIR}/cmake/completion.cmake
  COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:pveplan> -DSHELL=zsh
          -DOUT=${PVEPLAN_COMPLETION_DIR}/_pveplan -P ${CMAKE_SOURCE_DIR}/cmake/completion.cmake
  DEPENDS pveplan ${CMAKE_SOURCE_DIR}/cmake/completion.cmake
  COMMENT "Writing the bash and zsh completions from pveplan's option tables")
add_custom_target(completions ALL
  DEPENDS ${PVEPLAN_COMPLETION_DIR}/pveplan ${PVEPLAN_COMPLETION_DIR}/_pveplan)

install(TARGETS pveplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES docs/pveplan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# Where Debian's bash-completion and zsh look for them.
install(FILES ${PVEPLAN_COMPLETION_DIR}/pveplan
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PVEPLAN_COMPLETION_DIR}/_pveplan
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# cpack (in the build folder): pveplan_VERSION_Debian-arch.deb. Depends is
# computed by dpkg-shlibdeps from the libraries the binary loads, so a
# static build (-DPVEPLAN_STATIC=ON) depends on fewer packages.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pveplan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "pveplan maintainers <pveplan@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check and build plans of action to prevent violent extremism")
set(CPACK_PACKAGE_DESCRIPTION
    "pveplan checks national and regional plans of action to prevent violent\n"
    "extremism (PVE), written as YAML, against the Secretary-General's Plan of\n"
    "Action (A/70/674) and related guidance, and builds their reports\n"
    "(Markdown, HTML, the capacity-needs workbook).")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_STRIP_FILES ON)
include(CPack)
