//! The page around every page: the root component and its routes (`app`), the pages each route
//! loads (`pages`), the top bar (`header`), the notice area (`notices`) and the prompt to update
//! to a newly installed build (`update_prompt`).

pub(super) mod app;
pub(super) mod header;
pub(super) mod notices;
pub(super) mod pages;
pub(super) mod update_prompt;
