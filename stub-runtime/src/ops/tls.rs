//! TLS for `https`, on rustls: configurations built from Node's options (PEM `ca`, `cert`,
//! `key`, `rejectUnauthorized`, `servername`), trusting the system's CA store by default,
//! which is read once, on the first https request.

use std::cell::OnceCell;
use std::sync::Arc;

use deno_error::JsErrorBox;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, ServerConfig, SignatureScheme};
use serde::Deserialize;
use tokio::net::TcpStream;

/// What JS passes for an https connection.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// PEM texts of certificates to trust instead of the system's.
    #[serde(default)]
    ca: Vec<String>,
    cert: Option<String>,
    key: Option<String>,
    #[serde(default = "yes")]
    reject_unauthorized: bool,
    servername: Option<String>,
}

fn yes() -> bool {
    true
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn bad_option(what: &str, err: impl std::fmt::Display) -> JsErrorBox {
    JsErrorBox::type_error(format!("invalid {what}: {err}"))
}

fn certificates(pem: &str, what: &str) -> Result<Vec<CertificateDer<'static>>, JsErrorBox> {
    let certs: Vec<_> = CertificateDer::pem_slice_iter(pem.as_bytes())
        .collect::<Result<_, _>>()
        .map_err(|err| bad_option(what, err))?;
    if certs.is_empty() {
        return Err(bad_option(what, "no PEM certificate found"));
    }
    Ok(certs)
}

fn private_key(pem: &str) -> Result<PrivateKeyDer<'static>, JsErrorBox> {
    PrivateKeyDer::from_pem_slice(pem.as_bytes()).map_err(|err| bad_option("key", err))
}

thread_local! {
    /// The system's CA store, read once per thread that makes https requests.
    static SYSTEM_ROOTS: OnceCell<Arc<RootCertStore>> = const { OnceCell::new() };
}

fn system_roots() -> Arc<RootCertStore> {
    SYSTEM_ROOTS.with(|roots| {
        roots
            .get_or_init(|| {
                let mut store = RootCertStore::empty();
                // Unreadable or odd certificates in the system store are skipped, as OpenSSL does.
                let _ = store.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
                Arc::new(store)
            })
            .clone()
    })
}

fn client_config(options: &ClientOptions) -> Result<Arc<ClientConfig>, JsErrorBox> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|err| bad_option("TLS settings", err))?;
    let builder = if !options.reject_unauthorized {
        builder.dangerous().with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider())))
    } else if options.ca.is_empty() {
        builder.with_root_certificates(system_roots())
    } else {
        let mut store = RootCertStore::empty();
        for pem in &options.ca {
            for cert in certificates(pem, "ca")? {
                store.add(cert).map_err(|err| bad_option("ca", err))?;
            }
        }
        builder.with_root_certificates(store)
    };
    let mut config = match (&options.cert, &options.key) {
        (Some(cert), Some(key)) => builder
            .with_client_auth_cert(certificates(cert, "cert")?, private_key(key)?)
            .map_err(|err| bad_option("cert", err))?,
        _ => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Wraps a connected stream in TLS, checking the server's certificate for `host` (or the
/// `servername` option).
pub async fn connect(
    stream: TcpStream,
    host: &str,
    options: &ClientOptions,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, JsErrorBox> {
    let config = client_config(options)?;
    let name = options.servername.as_deref().unwrap_or(host);
    let server_name = ServerName::try_from(name.to_owned()).map_err(|err| bad_option("servername", err))?;
    tokio_rustls::TlsConnector::from(config)
        .connect(server_name, stream)
        .await
        .map_err(|err| JsErrorBox::generic(format!("TLS {}", tls_failure(&err))))
}

/// Node's code for why a handshake failed, then rustls's words for it.
fn tls_failure(err: &std::io::Error) -> String {
    let rustls_error = err.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>());
    let code = match rustls_error {
        Some(rustls::Error::InvalidCertificate(reason)) => match reason {
            rustls::CertificateError::UnknownIssuer => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            rustls::CertificateError::Expired | rustls::CertificateError::ExpiredContext { .. } => "CERT_HAS_EXPIRED",
            rustls::CertificateError::NotValidForName | rustls::CertificateError::NotValidForNameContext { .. } => {
                "ERR_TLS_CERT_ALTNAME_INVALID"
            }
            _ => "CERT_REJECTED",
        },
        _ => "ECONNRESET",
    };
    format!("{code} {err}")
}

/// The server side: a certificate chain and its key, in PEM.
pub fn acceptor(cert_pem: &str, key_pem: &str) -> Result<tokio_rustls::TlsAcceptor, JsErrorBox> {
    let mut config = ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|err| bad_option("TLS settings", err))?
        .with_no_client_auth()
        .with_single_cert(certificates(cert_pem, "cert")?, private_key(key_pem)?)
        .map_err(|err| bad_option("cert", err))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// `rejectUnauthorized: false`: any certificate is accepted, though its signatures must still
/// be well-formed.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, signature, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, signature, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
