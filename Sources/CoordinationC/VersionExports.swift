import CCoordination
#if canImport(Glibc)
import Glibc
#endif

// Version, status texts and memory: the functions every other export relies on.

@c @implementation
public func coord_version_number() -> Int32 {
    COORD_VERSION_NUMBER
}

@c @implementation
public func coord_version_string() -> UnsafePointer<CChar>! {
    staticCString("0.2.0")
}

@c @implementation
public func coord_status_string(_ status: coord_status) -> UnsafePointer<CChar>! {
    switch status {
    case COORD_OK: staticCString("ok")
    case COORD_ERR_INVALID: staticCString("invalid argument")
    case COORD_ERR_PARSE: staticCString("parse error")
    case COORD_ERR_RULES: staticCString("invalid rule set or no rule in force")
    case COORD_ERR_OVERFLOW: staticCString("overflow")
    case COORD_ERR_STATE: staticCString("operation not allowed in the current state")
    case COORD_ERR_NOT_FOUND: staticCString("not found")
    case COORD_ERR_NOMEM: staticCString("out of memory")
    case COORD_ERR_INTERNAL: staticCString("internal error")
    default: staticCString("unknown status")
    }
}

@c @implementation
public func coord_last_error_message() -> UnsafePointer<CChar>! {
    LastError.current
}

@c @implementation
public func coord_free(_ ptr: UnsafeMutableRawPointer?) {
    free(ptr)
}
