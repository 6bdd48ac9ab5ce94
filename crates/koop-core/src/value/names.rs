//! `names!` defines an enum of the template language's names once: its variants, the name a
//! template writes for each, the list of all, and parsing. Checker and evaluation both use the
//! enum, so a name cannot be known to one and not the other.

/// `names! { pub enum Filter { List = "list", Join = "join" } }`
#[macro_export]
macro_rules! names {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every name, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name as a template (or a stored answer) writes it.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The names, for messages ("one of: list, join, …").
            pub fn names() -> String {
                Self::ALL.iter().map(|n| n.name()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<$name, ()> {
                match s { $($text => Ok($name::$variant),)+ _ => Err(()) }
            }
        }
    };
}
