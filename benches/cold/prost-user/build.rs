//! Compiles `proto/close.proto` into `OUT_DIR` with prost-build.

fn main() {
    let protoc = protoc_bin_vendored::protoc_bin_path().unwrap_or_else(|error| panic!("{error}"));
    // SAFETY: the build script has one thread.
    unsafe { std::env::set_var("PROTOC", protoc) };
    prost_build::compile_protos(&["proto/close.proto"], &["proto"]).unwrap_or_else(|error| panic!("{error}"));
}
