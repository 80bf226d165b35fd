# With CONSENTCAM_SANITIZE every target is built and linked with ASan and UBSan,
# and any UBSan finding aborts the test that triggered it.
if(CONSENTCAM_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()

# With CONSENTCAM_BUILD_FUZZ every library is built with coverage for libFuzzer, so the
# fuzzer sees the parsers' branches and not only the target's own file; undefined behaviour
# in them aborts, so the fuzzer reports it.
if(CONSENTCAM_BUILD_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                        -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
