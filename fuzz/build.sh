#!/usr/bin/env bash
# Builds the libFuzzer targets in .build-fuzz/ with the Swift toolchain's own libFuzzer and AddressSanitizer.
#
#   fuzz/build.sh            # all targets
#   fuzz/build.sh markdown   # one target: front-matter | markdown
#
# SwiftPM cannot build them: an executable target built with -sanitize=fuzzer fails to link, because
# SwiftPM expects a `<Target>_main` symbol and libFuzzer brings its own main. So this script compiles
# the library modules a target needs straight from Sources/ (and Yams from SwiftPM's checkout), each
# instrumented with -sanitize=fuzzer,address, and links them with the harness in fuzz/targets/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/.build-fuzz"
modules="$out/modules"
objects="$out/objects"
mkdir -p "$modules" "$objects"

swiftc=${SWIFTC:-$(command -v swiftc)}
clang=${CLANG:-$(dirname "$(readlink -f "$swiftc")")/clang}
sanitize=(-sanitize=fuzzer,address)
swift_flags=(-swift-version 6 -O -g -parse-as-library -wmo -I "$modules" "${sanitize[@]}")

# Yams comes from SwiftPM's checkout, at the version Package.swift resolves.
if [ ! -d "$root/.build/checkouts/Yams" ]; then swift package resolve >/dev/null; fi
yams="$root/.build/checkouts/Yams/Sources"
cyaml_map=(-Xcc "-fmodule-map-file=$yams/CYaml/include/module.modulemap" -Xcc "-I$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC)
cmark_map=(-Xcc "-fmodule-map-file=$root/Sources/CCmarkGFM/module.modulemap" $(pkg-config --cflags libcmark-gfm | sed 's/-I/-Xcc -I/g'))

# Rebuild a module only when one of its sources (or this script) is newer than its object.
stale() { # object sources...
  local object=$1; shift
  [ ! -f "$object" ] && return 0
  for source in "$@" "$0"; do [ "$source" -nt "$object" ] && return 0; done
  return 1
}

c_library() { # name, sources...
  local name=$1; shift
  local archive="$objects/lib$name.a"
  stale "$archive" "$@" || return 0
  echo "  clang $name"
  local built=()
  for source in "$@"; do
    local object="$objects/$name-$(basename "$source" .c).o"
    "$clang" -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
      -I"$yams/CYaml/include" -I"$yams/CYaml/src" -o "$object" "$source"
    built+=("$object")
  done
  rm -f "$archive"
  ar rcs "$archive" "${built[@]}"
}

swift_module() { # name, extra flags..., -- sources...
  local name=$1; shift
  local flags=()
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done
  shift
  local object="$objects/$name.o"
  stale "$object" "$@" || return 0
  echo "  swiftc $name ($# files)"
  "$swiftc" "${swift_flags[@]}" "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$modules/$name.swiftmodule" \
    -c -o "$object" "$@"
}

sources() { find "$root/Sources/$1" -name '*.swift' | sort; }

echo "Building the fuzz targets into $out"
c_library CYaml "$yams"/CYaml/src/*.c
swift_module Yams -D SWIFT_PACKAGE "${cyaml_map[@]}" -- $(find "$yams/Yams" -name '*.swift' | sort)
swift_module LocalOfferDiagnostics -- $(sources LocalOfferDiagnostics)
swift_module LocalOfferText -- $(sources LocalOfferText)
swift_module LocalOfferParallel -- $(sources LocalOfferParallel)
swift_module LocalOfferContent -- $(sources LocalOfferContent)
swift_module LocalOfferModel "${cyaml_map[@]}" -- $(sources LocalOfferModel)
swift_module LocalOfferMarkdown "${cmark_map[@]}" -- $(sources LocalOfferMarkdown)

link() { # target, objects...
  local target=$1; shift
  local harness="$root/fuzz/targets/$target.swift"
  local binary="$out/$target"
  stale "$binary" "$harness" "$@" || return 0
  echo "  link $target"
  "$swiftc" "${swift_flags[@]}" "${cyaml_map[@]}" "${cmark_map[@]}" -module-name "FuzzTarget" \
    "$harness" "$@" -lcmark-gfm -lcmark-gfm-extensions -o "$binary" 2>&1 | { grep -v "Cannot export local symbol" || true; }
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ] || [[ " ${targets[*]} " == *" front-matter "* ]]; then
  link front-matter "$objects"/{LocalOfferDiagnostics,LocalOfferText,LocalOfferParallel,LocalOfferContent,Yams,LocalOfferModel}.o "$objects/libCYaml.a"
fi
if [ ${#targets[@]} -eq 0 ] || [[ " ${targets[*]} " == *" markdown "* ]]; then
  link markdown "$objects"/{LocalOfferDiagnostics,LocalOfferText,LocalOfferMarkdown}.o
fi
echo "Done: $(ls "$out" | grep -v -e modules -e objects | tr '\n' ' ')"
