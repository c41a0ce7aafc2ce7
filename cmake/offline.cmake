# CMake toolchain file passed to every -sys crate build through .cargo/config.toml.
# WAMR (the engine's WebAssembly part) fetches simde with FetchContent, which needs the network.
# When Debian's libsimde-dev is installed, point FetchContent at its headers instead; without it,
# this file does nothing and an online build fetches as before.
if(EXISTS "/usr/include/simde/simde-common.h")
  set(FETCHCONTENT_SOURCE_DIR_SIMDE "/usr/include" CACHE PATH "simde headers from libsimde-dev")
endif()
