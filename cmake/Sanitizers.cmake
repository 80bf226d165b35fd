# With CONSENTCAM_SANITIZE every target is built and linked with ASan and UBSan,
# and any UBSan finding aborts the test that triggered it.
if(CONSENTCAM_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
