# Shared by scripts/test and scripts/demo: package installation and the build.
# Source it from the repository root; it defines functions and settings only.

# Everything building, testing and running the portal needs on Debian 12.
PORTAL_BUILD_PACKAGES=(
	clearsilver-dev libfcgi-dev libmariadb-dev libargon2-dev libicu-dev nettle-dev
	libcrypt-dev zlib1g-dev meson ninja-build pkg-config gcc libc6-dev
)
PORTAL_RUN_PACKAGES=(
	libfcgi-bin spawn-fcgi mariadb-server mariadb-client nginx python3 tzdata
)
PORTAL_TEST_PACKAGES=(
	wrk curl tidy clang libclang-rt-14-dev valgrind apache2 python3-pytest
	python3-pytest-timeout
)

# Installs the Debian packages among "$@" that are not installed yet.  apt-get update
# runs only when something is missing; root or sudo is needed only then.
ensure_packages() {
	local missing=() p
	if ! command -v dpkg-query >/dev/null 2>&1; then
		echo "No dpkg here: install the equivalents of these Debian packages yourself:" >&2
		echo "  $*" >&2
		return 0
	fi
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$p")
		fi
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			echo "Missing packages and neither root nor sudo: ${missing[*]}" >&2
			return 1
		fi
		sudo=(sudo)
	fi
	echo "Installing: ${missing[*]}"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${missing[@]}"
}

# Configures (once) and compiles the build directory "$1".
build_portal() {
	local dir=$1
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir"
	fi
	meson compile -C "$dir"
}
