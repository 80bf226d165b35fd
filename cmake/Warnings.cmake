# consentcam_warnings(target): the project's warning set, errors when CONSENTCAM_WERROR is on.
function(consentcam_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual
        -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
    if(CONSENTCAM_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
