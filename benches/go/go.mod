module github.com/ws-close-codes/ws-close-codes/benches/go

go 1.23

require (
	github.com/coder/websocket v1.8.14
	github.com/gorilla/websocket v1.5.3
	github.com/ws-close-codes/ws-close-codes/packages/go v0.0.0
)

replace github.com/ws-close-codes/ws-close-codes/packages/go => ../../packages/go
