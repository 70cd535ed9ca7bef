//! The page around every page: the root component and its routes (`app`), the pages each route
//! loads (`pages`), the top bar (`header`), the notice area (`notices`), the banner
//! that a part could not be fetched (`missing_part`) and the prompt to update
//! to a newly installed build (`update_prompt`).

pub(super) mod app;
pub(super) mod header;
pub(crate) mod missing_part;
pub(super) mod notices;
pub(super) mod pages;
pub(super) mod update_prompt;
