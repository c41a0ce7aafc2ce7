//! What `dns.lookup` and `dns.lookupService` need: the system resolver (`getaddrinfo` and
//! `getnameinfo`, so /etc/hosts and nsswitch apply as in Node), called on tokio's blocking
//! pool because either may wait on the network.
//!
//! Failures reach JS as an error whose message is `"eai <NAME>"` (a resolver code such as
//! `EAI_NONAME`, named portably since the numbers differ between systems) or `"errno <n>"`
//! (for `EAI_SYSTEM`); `js/node/dns.js` rebuilds Node's error shape from it.

use std::ffi::{CStr, CString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use deno_core::op2;
use deno_error::JsErrorBox;

/// Node's hint bits (`dns.ADDRCONFIG`, `dns.V4MAPPED`, `dns.ALL`: Linux's values), paired with
/// this system's own.
const HINTS: [(i32, i32); 3] = [(0x20, libc::AI_ADDRCONFIG), (0x08, libc::AI_V4MAPPED), (0x10, libc::AI_ALL)];

/// The addresses `hostname` resolves to, in the resolver's order, as `[address, family]`.
/// `family` is 0 (any), 4 or 6.
#[op2]
#[serde]
pub async fn op_dns_lookup(#[string] hostname: String, family: i32, hints: i32) -> Result<Vec<(String, u8)>, JsErrorBox> {
    off_thread(move || lookup(&hostname, family, hints)).await
}

/// The host name and service name for an address and port.
#[op2]
#[serde]
pub async fn op_dns_lookup_service(#[string] address: String, port: u16) -> Result<(String, String), JsErrorBox> {
    off_thread(move || lookup_service(&address, port)).await
}

/// Why a resolver call failed.
enum Failure {
    Resolver(&'static str),
    Os(i32),
}

async fn off_thread<T: Send + 'static>(work: impl FnOnce() -> Result<T, Failure> + Send + 'static) -> Result<T, JsErrorBox> {
    let outcome = tokio::task::spawn_blocking(work).await.unwrap_or(Err(Failure::Os(libc::EIO)));
    outcome.map_err(|failure| match failure {
        Failure::Resolver(name) => JsErrorBox::generic(format!("eai {name}")),
        Failure::Os(errno) => JsErrorBox::generic(format!("errno {errno}")),
    })
}

fn lookup(hostname: &str, family: i32, hints: i32) -> Result<Vec<(String, u8)>, Failure> {
    let host = CString::new(hostname).map_err(|_| Failure::Resolver("EAI_NONAME"))?;
    // SAFETY: addrinfo is plain old data; all-zero is the documented starting point for hints.
    let mut request: libc::addrinfo = unsafe { std::mem::zeroed() };
    request.ai_family = match family {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    // One entry per address, not one per socket type.
    request.ai_socktype = libc::SOCK_STREAM;
    request.ai_flags = HINTS.iter().filter(|(node, _)| hints & node != 0).fold(0, |flags, (_, system)| flags | system);

    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: `host` is a valid C string, `request` is initialised, and `list` receives a
    // list we free below.
    let status = unsafe { libc::getaddrinfo(host.as_ptr(), std::ptr::null(), &request, &mut list) };
    if status != 0 {
        return Err(resolver_failure(status));
    }
    let mut addresses = Vec::new();
    let mut node = list;
    while !node.is_null() {
        // SAFETY: `node` is an entry of the list getaddrinfo returned, not yet freed.
        let info = unsafe { &*node };
        // SAFETY: ai_addr points at a sockaddr of the kind ai_family names.
        if let Some(address) = unsafe { ip_of(info.ai_family, info.ai_addr) } {
            let entry = (address.to_string(), if address.is_ipv4() { 4 } else { 6 });
            if !addresses.contains(&entry) {
                addresses.push(entry);
            }
        }
        node = info.ai_next;
    }
    // SAFETY: `list` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(addresses)
}

/// # Safety
/// `address` must point at a `sockaddr_in` for AF_INET and a `sockaddr_in6` for AF_INET6.
unsafe fn ip_of(family: i32, address: *const libc::sockaddr) -> Option<IpAddr> {
    if address.is_null() {
        return None;
    }
    match family {
        libc::AF_INET => {
            let v4 = &*address.cast::<libc::sockaddr_in>();
            Some(IpAddr::V4(Ipv4Addr::from(u32::from_be(v4.sin_addr.s_addr))))
        }
        libc::AF_INET6 => {
            let v6 = &*address.cast::<libc::sockaddr_in6>();
            Some(IpAddr::V6(Ipv6Addr::from(v6.sin6_addr.s6_addr)))
        }
        _ => None,
    }
}

fn lookup_service(address: &str, port: u16) -> Result<(String, String), Failure> {
    let ip: IpAddr = address.parse().map_err(|_| Failure::Resolver("EAI_NONAME"))?;
    // SAFETY: sockaddr_storage is plain old data, large enough for either address family.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let length = match ip {
        IpAddr::V4(v4) => {
            // SAFETY: sockaddr_storage is large and aligned enough for a sockaddr_in.
            let socket = unsafe { &mut *(&mut storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_in>() };
            socket.sin_family = libc::AF_INET as libc::sa_family_t;
            socket.sin_port = port.to_be();
            socket.sin_addr.s_addr = u32::from(v4).to_be();
            std::mem::size_of::<libc::sockaddr_in>()
        }
        IpAddr::V6(v6) => {
            // SAFETY: sockaddr_storage is large and aligned enough for a sockaddr_in6.
            let socket = unsafe { &mut *(&mut storage as *mut libc::sockaddr_storage).cast::<libc::sockaddr_in6>() };
            socket.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            socket.sin6_port = port.to_be();
            socket.sin6_addr.s6_addr = v6.octets();
            std::mem::size_of::<libc::sockaddr_in6>()
        }
    };
    let mut host = [0 as libc::c_char; 1025];
    let mut service = [0 as libc::c_char; 32];
    // SAFETY: the address is initialised for `length` bytes and both buffers' sizes are passed.
    // NI_NAMEREQD, as Node asks: an address without a name is an error, not its own text.
    let status = unsafe {
        libc::getnameinfo(
            (&storage as *const libc::sockaddr_storage).cast(),
            length as libc::socklen_t,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            service.as_mut_ptr(),
            service.len() as libc::socklen_t,
            libc::NI_NAMEREQD,
        )
    };
    if status != 0 {
        return Err(resolver_failure(status));
    }
    // SAFETY: getnameinfo NUL-terminates both buffers on success.
    let text = |buffer: &[libc::c_char]| unsafe { CStr::from_ptr(buffer.as_ptr()) }.to_string_lossy().into_owned();
    Ok((text(&host), text(&service)))
}

/// A getaddrinfo/getnameinfo status by name (the numbers differ between systems).
fn resolver_failure(status: i32) -> Failure {
    let name = match status {
        libc::EAI_SYSTEM => return Failure::Os(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)),
        libc::EAI_AGAIN => "EAI_AGAIN",
        libc::EAI_BADFLAGS => "EAI_BADFLAGS",
        libc::EAI_FAIL => "EAI_FAIL",
        libc::EAI_FAMILY => "EAI_FAMILY",
        libc::EAI_MEMORY => "EAI_MEMORY",
        libc::EAI_OVERFLOW => "EAI_OVERFLOW",
        libc::EAI_SERVICE => "EAI_SERVICE",
        libc::EAI_SOCKTYPE => "EAI_SOCKTYPE",
        libc::EAI_NONAME => "EAI_NONAME",
        #[cfg(target_os = "linux")]
        libc::EAI_NODATA => "EAI_NODATA",
        // glibc's EAI_ADDRFAMILY, which the libc crate does not name.
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        -9 => "EAI_ADDRFAMILY",
        _ => "EAI_FAIL",
    };
    Failure::Resolver(name)
}
