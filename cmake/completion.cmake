# Writes OUT from 'BIN completion SHELL' (cmake -P, at build time): the
# completion scripts come from the binary's own tables (src/cmd/completion.c).
execute_process(COMMAND ${BIN} completion ${SHELL} OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "'pveplan completion ${SHELL}' failed: ${rc}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
