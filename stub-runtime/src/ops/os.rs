//! What `os` needs from the operating system: names and versions, memory, CPUs, network
//! interfaces, the user, scheduling priority, and the numeric constants of `os.constants`.
//!
//! Values come from the same places libuv reads them on Linux (`/proc`, `/sys`, `uname`,
//! `getifaddrs`, `getpwuid_r`), so they equal what `node` reports on the same machine. Failures
//! are returned as a negative errno for the JS side to turn into Node's error shapes; the
//! errno table below also gives `os.constants.errno` and the libuv names and messages.

use std::ffi::CStr;
use std::net::{Ipv4Addr, Ipv6Addr};

use deno_core::op2;
use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// Errno: names, numbers and libuv's messages.

/// `(name, number, libuv message)`, in the order of `os.constants.errno`. Names libuv has no
/// code for carry no message; an error with such a number is reported as an unknown one.
const ERRNO: &[(&str, i32, Option<&str>)] = &[
    ("E2BIG", libc::E2BIG, Some("argument list too long")),
    ("EACCES", libc::EACCES, Some("permission denied")),
    ("EADDRINUSE", libc::EADDRINUSE, Some("address already in use")),
    ("EADDRNOTAVAIL", libc::EADDRNOTAVAIL, Some("address not available")),
    ("EAFNOSUPPORT", libc::EAFNOSUPPORT, Some("address family not supported")),
    ("EAGAIN", libc::EAGAIN, Some("resource temporarily unavailable")),
    ("EALREADY", libc::EALREADY, Some("connection already in progress")),
    ("EBADF", libc::EBADF, Some("bad file descriptor")),
    ("EBADMSG", libc::EBADMSG, None),
    ("EBUSY", libc::EBUSY, Some("resource busy or locked")),
    ("ECANCELED", libc::ECANCELED, Some("operation canceled")),
    ("ECHILD", libc::ECHILD, None),
    ("ECONNABORTED", libc::ECONNABORTED, Some("software caused connection abort")),
    ("ECONNREFUSED", libc::ECONNREFUSED, Some("connection refused")),
    ("ECONNRESET", libc::ECONNRESET, Some("connection reset by peer")),
    ("EDEADLK", libc::EDEADLK, None),
    ("EDESTADDRREQ", libc::EDESTADDRREQ, Some("destination address required")),
    ("EDOM", libc::EDOM, None),
    ("EDQUOT", libc::EDQUOT, None),
    ("EEXIST", libc::EEXIST, Some("file already exists")),
    ("EFAULT", libc::EFAULT, Some("bad address in system call argument")),
    ("EFBIG", libc::EFBIG, Some("file too large")),
    ("EHOSTUNREACH", libc::EHOSTUNREACH, Some("host is unreachable")),
    ("EIDRM", libc::EIDRM, None),
    ("EILSEQ", libc::EILSEQ, Some("illegal byte sequence")),
    ("EINPROGRESS", libc::EINPROGRESS, None),
    ("EINTR", libc::EINTR, Some("interrupted system call")),
    ("EINVAL", libc::EINVAL, Some("invalid argument")),
    ("EIO", libc::EIO, Some("i/o error")),
    ("EISCONN", libc::EISCONN, Some("socket is already connected")),
    ("EISDIR", libc::EISDIR, Some("illegal operation on a directory")),
    ("ELOOP", libc::ELOOP, Some("too many symbolic links encountered")),
    ("EMFILE", libc::EMFILE, Some("too many open files")),
    ("EMLINK", libc::EMLINK, Some("too many links")),
    ("EMSGSIZE", libc::EMSGSIZE, Some("message too long")),
    ("EMULTIHOP", libc::EMULTIHOP, None),
    ("ENAMETOOLONG", libc::ENAMETOOLONG, Some("name too long")),
    ("ENETDOWN", libc::ENETDOWN, Some("network is down")),
    ("ENETRESET", libc::ENETRESET, None),
    ("ENETUNREACH", libc::ENETUNREACH, Some("network is unreachable")),
    ("ENFILE", libc::ENFILE, Some("file table overflow")),
    ("ENOBUFS", libc::ENOBUFS, Some("no buffer space available")),
    ("ENODATA", libc::ENODATA, Some("no data available")),
    ("ENODEV", libc::ENODEV, Some("no such device")),
    ("ENOENT", libc::ENOENT, Some("no such file or directory")),
    ("ENOEXEC", libc::ENOEXEC, None),
    ("ENOLCK", libc::ENOLCK, None),
    ("ENOLINK", libc::ENOLINK, None),
    ("ENOMEM", libc::ENOMEM, Some("not enough memory")),
    ("ENOMSG", libc::ENOMSG, None),
    ("ENOPROTOOPT", libc::ENOPROTOOPT, Some("protocol not available")),
    ("ENOSPC", libc::ENOSPC, Some("no space left on device")),
    ("ENOSR", libc::ENOSR, None),
    ("ENOSTR", libc::ENOSTR, None),
    ("ENOSYS", libc::ENOSYS, Some("function not implemented")),
    ("ENOTCONN", libc::ENOTCONN, Some("socket is not connected")),
    ("ENOTDIR", libc::ENOTDIR, Some("not a directory")),
    ("ENOTEMPTY", libc::ENOTEMPTY, Some("directory not empty")),
    ("ENOTSOCK", libc::ENOTSOCK, Some("socket operation on non-socket")),
    ("ENOTSUP", libc::ENOTSUP, Some("operation not supported on socket")),
    ("ENOTTY", libc::ENOTTY, Some("inappropriate ioctl for device")),
    ("ENXIO", libc::ENXIO, Some("no such device or address")),
    ("EOPNOTSUPP", libc::EOPNOTSUPP, Some("operation not supported on socket")),
    ("EOVERFLOW", libc::EOVERFLOW, Some("value too large for defined data type")),
    ("EPERM", libc::EPERM, Some("operation not permitted")),
    ("EPIPE", libc::EPIPE, Some("broken pipe")),
    ("EPROTO", libc::EPROTO, Some("protocol error")),
    ("EPROTONOSUPPORT", libc::EPROTONOSUPPORT, Some("protocol not supported")),
    ("EPROTOTYPE", libc::EPROTOTYPE, Some("protocol wrong type for socket")),
    ("ERANGE", libc::ERANGE, Some("result too large")),
    ("EROFS", libc::EROFS, Some("read-only file system")),
    ("ESPIPE", libc::ESPIPE, Some("invalid seek")),
    ("ESRCH", libc::ESRCH, Some("no such process")),
    ("ESTALE", libc::ESTALE, None),
    ("ETIME", libc::ETIME, None),
    ("ETIMEDOUT", libc::ETIMEDOUT, Some("connection timed out")),
    ("ETXTBSY", libc::ETXTBSY, Some("text file is busy")),
    ("EWOULDBLOCK", libc::EWOULDBLOCK, Some("resource temporarily unavailable")),
    ("EXDEV", libc::EXDEV, Some("cross-device link not permitted")),
];

/// How libuv names an error: its code (`ENOENT`) and message (`no such file or directory`).
#[derive(Serialize)]
pub struct ErrnoInfo {
    code: String,
    message: String,
}

/// Describes a positive errno. Aliases share a number (`EWOULDBLOCK` is `EAGAIN`); the first
/// name in the table is the one libuv reports.
pub fn errno_info(errno: i32) -> ErrnoInfo {
    let known = ERRNO.iter().find_map(|&(name, number, message)| Some((name, message?)).filter(|_| number == errno));
    match known {
        Some((name, message)) => ErrnoInfo { code: name.to_owned(), message: message.to_owned() },
        None => {
            let unknown = format!("Unknown system error -{errno}");
            ErrnoInfo { code: unknown.clone(), message: unknown }
        }
    }
}

/// The errno of the last failed libc call, as a positive number.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// `{ code, message }` for a positive errno, for errors the JS side builds.
#[op2]
#[serde]
pub fn op_os_errno_info(errno: i32) -> ErrnoInfo {
    errno_info(errno.abs())
}

// ---------------------------------------------------------------------------------------------
// Constants.

/// `(name, number)` in the order of `os.constants.signals`.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SIGPOLL", libc::SIGPOLL),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

/// `(name, number)` in the order of `os.constants.dlopen`.
const DLOPEN: &[(&str, i32)] = &[
    ("RTLD_LAZY", libc::RTLD_LAZY),
    ("RTLD_NOW", libc::RTLD_NOW),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL),
    ("RTLD_LOCAL", libc::RTLD_LOCAL),
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND),
];

#[derive(Serialize)]
pub struct Constants {
    signals: Vec<(&'static str, i32)>,
    errno: Vec<(&'static str, i32)>,
    dlopen: Vec<(&'static str, i32)>,
}

/// The platform's numbers behind `os.constants`, as ordered `[name, number]` pairs.
#[op2]
#[serde]
pub fn op_os_constants() -> Constants {
    Constants {
        signals: SIGNALS.to_vec(),
        errno: ERRNO.iter().map(|&(name, number, _)| (name, number)).collect(),
        dlopen: DLOPEN.to_vec(),
    }
}

// ---------------------------------------------------------------------------------------------
// The system: uname, uptime, load, memory, parallelism.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SystemInfo {
    hostname: String,
    /// `os.type()`: the kernel's name (`Linux`, `Darwin`).
    sysname: String,
    release: String,
    version: String,
    machine: String,
}

#[op2]
#[serde]
pub fn op_os_system_info() -> SystemInfo {
    // SAFETY: utsname is plain old data; uname fills it with NUL-terminated strings.
    let mut names: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut names) } != 0 {
        return SystemInfo {
            hostname: String::new(),
            sysname: String::new(),
            release: String::new(),
            version: String::new(),
            machine: String::new(),
        };
    }
    let field = |chars: &[libc::c_char]| {
        // SAFETY: uname NUL-terminates every field within its array.
        unsafe { CStr::from_ptr(chars.as_ptr()) }.to_string_lossy().into_owned()
    };
    SystemInfo {
        hostname: field(&names.nodename),
        sysname: field(&names.sysname),
        release: field(&names.release),
        version: field(&names.version),
        machine: field(&names.machine),
    }
}

/// Seconds since boot, with the kernel's own precision.
#[op2(fast)]
pub fn op_os_uptime() -> f64 {
    let from_proc = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<f64>().ok());
    from_proc.unwrap_or_else(boot_clock_seconds)
}

fn boot_clock_seconds() -> f64 {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let clock = libc::CLOCK_BOOTTIME;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let clock = libc::CLOCK_MONOTONIC;
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec.
    unsafe { libc::clock_gettime(clock, &mut now) };
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}

/// The 1, 5 and 15 minute load averages.
#[op2]
#[serde]
pub fn op_os_loadavg() -> Vec<f64> {
    let from_proc = std::fs::read_to_string("/proc/loadavg").ok().and_then(|text| {
        let mut fields = text.split_whitespace().map(|field| field.parse::<f64>().ok());
        Some([fields.next()??, fields.next()??, fields.next()??])
    });
    let loads = from_proc.unwrap_or_else(|| {
        let mut loads = [0.0f64; 3];
        // SAFETY: getloadavg writes at most 3 doubles.
        unsafe { libc::getloadavg(loads.as_mut_ptr(), 3) };
        loads
    });
    loads.to_vec()
}

#[derive(Serialize)]
pub struct Memory {
    total: f64,
    free: f64,
}

/// Total and available memory in bytes (`MemAvailable`, as libuv reports for `freemem`).
#[op2]
#[serde]
pub fn op_os_memory() -> Memory {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let kilobytes = |key: &str| {
        meminfo
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
            .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
            .map(|kb| kb * 1024.0)
    };
    Memory {
        total: kilobytes("MemTotal").unwrap_or_else(|| pages(libc::_SC_PHYS_PAGES)),
        free: kilobytes("MemAvailable").unwrap_or_else(available_pages),
    }
}

fn pages(name: libc::c_int) -> f64 {
    // SAFETY: sysconf only reads configuration values.
    let (count, size) = unsafe { (libc::sysconf(name), libc::sysconf(libc::_SC_PAGESIZE)) };
    (count.max(0) as f64) * (size.max(0) as f64)
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn available_pages() -> f64 {
    pages(libc::_SC_AVPHYS_PAGES)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn available_pages() -> f64 {
    0.0
}

/// How many CPUs this process may run on (its affinity mask, not the machine's count).
#[op2(fast)]
pub fn op_os_available_parallelism() -> u32 {
    affinity_count().unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u32))
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn affinity_count() -> Option<u32> {
    // SAFETY: cpu_set_t is a bit mask; sched_getaffinity fills at most its size.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    let result = unsafe { libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) };
    if result != 0 {
        return None;
    }
    // SAFETY: CPU_COUNT only reads the set.
    let count = unsafe { libc::CPU_COUNT(&set) };
    (count > 0).then_some(count as u32)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn affinity_count() -> Option<u32> {
    None
}

// ---------------------------------------------------------------------------------------------
// CPUs.

#[derive(Serialize)]
pub struct CpuTimes {
    user: f64,
    nice: f64,
    sys: f64,
    idle: f64,
    irq: f64,
}

#[derive(Serialize)]
pub struct Cpu {
    model: String,
    speed: f64,
    times: CpuTimes,
}

/// One entry per `cpuN` line of `/proc/stat`: the model from `/proc/cpuinfo`, the current
/// frequency in MHz from cpufreq (0 where the kernel exposes none), times in milliseconds.
#[op2]
#[serde]
pub fn op_os_cpus() -> Vec<Cpu> {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let models = cpu_models();
    // SAFETY: sysconf only reads configuration values.
    let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let milliseconds = |ticks: f64| ticks * 1000.0 / ticks_per_second;
    stat.lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let index: usize = fields.next()?.strip_prefix("cpu")?.parse().ok()?;
            let ticks: Vec<f64> = fields.map(|field| field.parse().unwrap_or(0.0)).collect();
            let tick = |at: usize| milliseconds(ticks.get(at).copied().unwrap_or(0.0));
            Some(Cpu {
                model: models.get(index).cloned().unwrap_or_else(|| "unknown".to_owned()),
                speed: cpu_speed_mhz(index),
                times: CpuTimes { user: tick(0), nice: tick(1), sys: tick(2), idle: tick(3), irq: tick(5) },
            })
        })
        .collect()
}

/// The model name of each processor, in processor order.
fn cpu_models() -> Vec<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    cpuinfo
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key.trim() == "model name").then(|| value.trim().to_owned())
        })
        .collect()
}

fn cpu_speed_mhz(index: usize) -> f64 {
    let path = format!("/sys/devices/system/cpu/cpu{index}/cpufreq/scaling_cur_freq");
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.trim().parse::<f64>().ok())
        .map_or(0.0, |khz| (khz / 1000.0).floor())
}

// ---------------------------------------------------------------------------------------------
// Network interfaces.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InterfaceAddress {
    name: String,
    address: String,
    netmask: String,
    family: &'static str,
    mac: String,
    internal: bool,
    /// Prefix length of the netmask, or None when its bits are not contiguous.
    prefix: Option<u32>,
    /// IPv6 only.
    scopeid: Option<u32>,
}

/// Every address of every interface that is up and running, in `getifaddrs` order.
#[op2]
#[serde]
pub fn op_os_network_interfaces() -> Result<Vec<InterfaceAddress>, deno_error::JsErrorBox> {
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs allocates a linked list that freeifaddrs releases below.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        let info = errno_info(last_errno());
        return Err(deno_error::JsErrorBox::generic(format!("getifaddrs: {}", info.message)));
    }
    let entries = interface_entries(list);
    let macs: Vec<(String, String)> = entries.iter().filter_map(|entry| Some((entry.name.clone(), entry.mac.clone()?))).collect();
    let addresses = entries
        .into_iter()
        .filter_map(|entry| {
            let (address, netmask, family, prefix, scopeid) = entry.address?;
            let mac = macs.iter().find(|(name, _)| *name == entry.name).map_or_else(|| format_mac(&[0; 6]), |(_, mac)| mac.clone());
            Some(InterfaceAddress { name: entry.name, address, netmask, family, mac, internal: entry.loopback, prefix, scopeid })
        })
        .collect();
    // SAFETY: `list` came from getifaddrs and nothing refers into it any more.
    unsafe { libc::freeifaddrs(list) };
    Ok(addresses)
}

type AddressParts = (String, String, &'static str, Option<u32>, Option<u32>);

/// One `getifaddrs` record: either a link-layer address (the MAC) or an IP address.
struct InterfaceEntry {
    name: String,
    loopback: bool,
    mac: Option<String>,
    address: Option<AddressParts>,
}

fn interface_entries(list: *mut libc::ifaddrs) -> Vec<InterfaceEntry> {
    let wanted = (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_uint;
    let mut entries = Vec::new();
    let mut cursor = list;
    while !cursor.is_null() {
        // SAFETY: `cursor` walks the list getifaddrs returned, which stays alive until freed.
        let record = unsafe { &*cursor };
        cursor = record.ifa_next;
        if record.ifa_addr.is_null() || record.ifa_flags & wanted != wanted {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated string; ifa_addr was checked non-null.
        let name = unsafe { CStr::from_ptr(record.ifa_name) }.to_string_lossy().into_owned();
        let family = unsafe { (*record.ifa_addr).sa_family } as libc::c_int;
        entries.push(InterfaceEntry {
            name,
            loopback: record.ifa_flags & libc::IFF_LOOPBACK as libc::c_uint != 0,
            mac: link_address(record, family),
            address: ip_address(record, family),
        });
    }
    entries
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn link_address(record: &libc::ifaddrs, family: libc::c_int) -> Option<String> {
    if family != libc::AF_PACKET {
        return None;
    }
    // SAFETY: an AF_PACKET address is a sockaddr_ll.
    let link = unsafe { &*(record.ifa_addr as *const libc::sockaddr_ll) };
    Some(format_mac(&link.sll_addr[..6]))
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn link_address(record: &libc::ifaddrs, family: libc::c_int) -> Option<String> {
    if family != libc::AF_LINK {
        return None;
    }
    // SAFETY: an AF_LINK address is a sockaddr_dl whose data holds the name, then the address.
    let link = unsafe { &*(record.ifa_addr as *const libc::sockaddr_dl) };
    let start = link.sdl_nlen as usize;
    let bytes: Vec<u8> = (0..6).map(|at| link.sdl_data.get(start + at).copied().unwrap_or(0) as u8).collect();
    Some(format_mac(&bytes))
}

fn ip_address(record: &libc::ifaddrs, family: libc::c_int) -> Option<AddressParts> {
    match family {
        libc::AF_INET => {
            let address = ipv4_of(record.ifa_addr);
            let netmask = if record.ifa_netmask.is_null() { Ipv4Addr::UNSPECIFIED } else { ipv4_of(record.ifa_netmask) };
            let prefix = contiguous_prefix(u32::from(netmask).into(), 32);
            Some((address.to_string(), netmask.to_string(), "IPv4", prefix, None))
        }
        libc::AF_INET6 => {
            // SAFETY: an AF_INET6 address is a sockaddr_in6.
            let full = unsafe { &*(record.ifa_addr as *const libc::sockaddr_in6) };
            let address = Ipv6Addr::from(full.sin6_addr.s6_addr);
            let netmask = if record.ifa_netmask.is_null() {
                Ipv6Addr::UNSPECIFIED
            } else {
                // SAFETY: the netmask of an AF_INET6 address is a sockaddr_in6 too.
                Ipv6Addr::from(unsafe { &*(record.ifa_netmask as *const libc::sockaddr_in6) }.sin6_addr.s6_addr)
            };
            let prefix = contiguous_prefix(u128::from(netmask), 128);
            Some((address.to_string(), netmask.to_string(), "IPv6", prefix, Some(full.sin6_scope_id)))
        }
        _ => None,
    }
}

fn ipv4_of(address: *const libc::sockaddr) -> Ipv4Addr {
    // SAFETY: callers pass an AF_INET sockaddr, which is a sockaddr_in.
    let inet = unsafe { &*(address as *const libc::sockaddr_in) };
    Ipv4Addr::from(u32::from_be(inet.sin_addr.s_addr))
}

/// The number of leading one bits of a `width`-bit mask, when the ones are all leading.
fn contiguous_prefix(mask: u128, width: u32) -> Option<u32> {
    let aligned = mask << (128 - width);
    let ones = aligned.leading_ones();
    (aligned.checked_shl(ones).unwrap_or(0) == 0).then_some(ones)
}

fn format_mac(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect::<Vec<_>>().join(":")
}

// ---------------------------------------------------------------------------------------------
// The user.

#[derive(Serialize)]
pub struct UserInfo {
    uid: u32,
    gid: u32,
    username: String,
    homedir: String,
    shell: Option<String>,
}

#[derive(Serialize)]
pub struct UserInfoResult {
    user: Option<UserInfo>,
    /// A positive errno when the lookup failed (ENOENT: no such user).
    errno: i32,
}

/// The password database entry of the effective user.
#[op2]
#[serde]
pub fn op_os_user_info() -> UserInfoResult {
    // SAFETY: geteuid cannot fail.
    match password_entry(unsafe { libc::geteuid() }) {
        Ok(user) => UserInfoResult { user: Some(user), errno: 0 },
        Err(errno) => UserInfoResult { user: None, errno },
    }
}

/// `os.homedir()`: `$HOME` when set, else the user's entry in the password database.
#[op2]
#[string]
pub fn op_os_homedir() -> String {
    match std::env::var("HOME") {
        Ok(home) if !home.is_empty() => home,
        // SAFETY: geteuid cannot fail.
        _ => password_entry(unsafe { libc::geteuid() }).map(|user| user.homedir).unwrap_or_default(),
    }
}

fn password_entry(uid: libc::uid_t) -> Result<UserInfo, i32> {
    let mut buffer = vec![0 as libc::c_char; 4096];
    loop {
        // SAFETY: passwd is plain old data; getpwuid_r fills it with pointers into `buffer`,
        // which outlives every read of them below.
        let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let status = unsafe { libc::getpwuid_r(uid, &mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found) };
        if status == libc::ERANGE && buffer.len() < 1 << 20 {
            buffer.resize(buffer.len() * 2, 0);
            continue;
        }
        if status != 0 {
            return Err(status);
        }
        if found.is_null() {
            return Err(libc::ENOENT);
        }
        let text = |pointer: *const libc::c_char| {
            // SAFETY: non-null passwd fields are NUL-terminated strings inside `buffer`.
            (!pointer.is_null()).then(|| unsafe { CStr::from_ptr(pointer) }.to_string_lossy().into_owned())
        };
        return Ok(UserInfo {
            uid: entry.pw_uid,
            gid: entry.pw_gid,
            username: text(entry.pw_name).unwrap_or_default(),
            homedir: text(entry.pw_dir).unwrap_or_default(),
            shell: text(entry.pw_shell),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Scheduling priority.

#[derive(Serialize)]
pub struct PriorityResult {
    priority: i32,
    /// A positive errno when the call failed.
    errno: i32,
}

#[op2]
#[serde]
pub fn op_os_get_priority(pid: i32) -> PriorityResult {
    // getpriority may legitimately return -1, so failure shows only through errno.
    clear_errno();
    // SAFETY: getpriority only reads the scheduler's state.
    let priority = unsafe { libc::getpriority(libc::PRIO_PROCESS as _, pid as libc::id_t) };
    let errno = if priority == -1 { std::io::Error::last_os_error().raw_os_error().unwrap_or(0) } else { 0 };
    PriorityResult { priority, errno }
}

/// Returns 0, or a positive errno.
#[op2(fast)]
pub fn op_os_set_priority(pid: i32, priority: i32) -> i32 {
    // SAFETY: setpriority changes only the scheduler's state.
    if unsafe { libc::setpriority(libc::PRIO_PROCESS as _, pid as libc::id_t, priority) } == 0 {
        0
    } else {
        last_errno()
    }
}

fn clear_errno() {
    // SAFETY: the errno location is this thread's own.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    unsafe {
        *libc::__errno_location() = 0;
    }
    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
    unsafe {
        *libc::__error() = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_count_contiguous_mask_bits_only() {
        assert_eq!(contiguous_prefix(0xffff_ff00, 32), Some(24));
        assert_eq!(contiguous_prefix(0xffff_ffff, 32), Some(32));
        assert_eq!(contiguous_prefix(0, 32), Some(0));
        assert_eq!(contiguous_prefix(0xff00_ff00, 32), None);
        assert_eq!(contiguous_prefix(u128::MAX << 64, 128), Some(64));
    }

    #[test]
    fn aliases_report_the_first_name() {
        assert_eq!(errno_info(libc::EWOULDBLOCK).code, "EAGAIN");
        assert_eq!(errno_info(libc::ENOENT).message, "no such file or directory");
        assert_eq!(errno_info(libc::ECHILD).code, format!("Unknown system error -{}", libc::ECHILD));
    }

    #[test]
    fn macs_are_lowercase_hex_pairs() {
        assert_eq!(format_mac(&[2, 0xfc, 0, 0, 0, 1]), "02:fc:00:00:00:01");
    }
}
