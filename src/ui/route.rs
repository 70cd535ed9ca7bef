//! Hash routes, so the built files work from any sub-path of any static host:
//! `#/` the strategy list, `#/s/<id>` a strategy's overview.

use crate::model::Id;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    List,
    Strategy(Id),
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Route::List,
            ["s", id] if !id.is_empty() => Route::Strategy(Id::from(*id)),
            _ => Route::NotFound(hash.to_owned()),
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::List | Route::NotFound(_) => "#/".to_owned(),
            Route::Strategy(id) => format!("#/s/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn hashes_parse_and_print() {
        assert_eq!(Route::parse(""), Route::List);
        assert_eq!(Route::parse("#/"), Route::List);
        assert_eq!(Route::parse("#/s/strategy-1"), Route::Strategy(Id::from("strategy-1")));
        assert_eq!(Route::parse(&Route::Strategy(Id::from("x")).hash()), Route::Strategy(Id::from("x")));
        assert!(matches!(Route::parse("#/nope/1"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/s/"), Route::NotFound(_)));
    }
}
