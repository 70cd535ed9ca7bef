//! Which files of a dropped folder a bring-in reads: a town's Shirube file is JSON,
//! so a folder's `.json` files are read (each then reads as a town, or is listed with its
//! error); its other files (PDFs, spreadsheets the towns sent alongside) are listed as passed
//! over, and the files an operating system leaves (`.DS_Store`, macOS's `._name.json`) are not
//! listed at all.

/// What a bring-in does with a file found in a dropped folder, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FolderFile {
    /// A `.json` file: read like a picked file.
    Read,
    /// Another kind of file: not read, listed as passed over.
    PassOver,
    /// A hidden file the system keeps (a name starting with a dot): not read, not listed.
    Hidden,
}

/// What to do with the file `name` (its name, without the folders) found in a dropped folder.
pub fn folder_file(name: &str) -> FolderFile {
    if name.starts_with('.') {
        FolderFile::Hidden
    } else if name.to_lowercase().ends_with(".json") {
        FolderFile::Read
    } else {
        FolderFile::PassOver
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_files_are_read_others_passed_over_and_system_files_left_out() {
        assert_eq!(folder_file("北斗市_戦略_2026-11-23.shirube.json"), FolderFile::Read);
        assert_eq!(folder_file("KITAMOTO.JSON"), FolderFile::Read);
        assert_eq!(folder_file("北斗市_総合戦略.pdf"), FolderFile::PassOver);
        assert_eq!(folder_file("実績.csv"), FolderFile::PassOver);
        assert_eq!(folder_file("json"), FolderFile::PassOver);
        assert_eq!(folder_file(".DS_Store"), FolderFile::Hidden);
        assert_eq!(folder_file("._北斗市.json"), FolderFile::Hidden);
    }
}
