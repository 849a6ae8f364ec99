//! Pages kept in memory, for the dev server and `gazette check`.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::Sink;

/// A map from output path to bytes.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// An empty sink.
    pub fn new() -> Self {
        MemorySink::default()
    }

    /// Everything written, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, content: &[u8]) -> std::io::Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.insert(path.to_string(), content.to_vec());
        Ok(())
    }
}
