internal import CICUShim
internal import CXMLShim
func probe() -> Int32 { pq_word_breaker_open() == nil ? 1 : 0 }
