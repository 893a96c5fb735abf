;; XXH64 (xxHash, 64-bit, seed 0) over bytes already in linear memory: the
;; checksum the Worker checks each index chunk with as it arrives. SHA-256
;; names versions; this only has to catch damage, and it runs near memory
;; speed, far faster than Web Crypto's SHA-256 (docs/reliability.md has both).
;; Follows the published XXH64 algorithm; chunk-checksum.test.ts checks it against xxhash-wasm.
;;
;; It is streamed: begin, then stripes over blocks, then finish. The caller
;; feeds blocks of a few hundred KiB because V8 first runs a module with its
;; baseline compiler and swaps in optimised code only between calls: one call
;; over a 10 MiB chunk would run unoptimised throughout (docs/performance.md).
(module
  (import "env" "memory" (memory 1))

  (global $P1 i64 (i64.const 0x9E3779B185EBCA87))
  (global $P2 i64 (i64.const 0xC2B2AE3D27D4EB4F))
  (global $P3 i64 (i64.const 0x165667B19E3779F9))
  (global $P4 i64 (i64.const 0x85EBCA77C2B2AE63))
  (global $P5 i64 (i64.const 0x27D4EB2F165667C5))

  ;; the four lanes of the hash in progress
  (global $v1 (mut i64) (i64.const 0))
  (global $v2 (mut i64) (i64.const 0))
  (global $v3 (mut i64) (i64.const 0))
  (global $v4 (mut i64) (i64.const 0))

  ;; One lane step: rotl(acc + input * P2, 31) * P1.
  (func $round (param $acc i64) (param $input i64) (result i64)
    (i64.mul (i64.rotl (i64.add (local.get $acc) (i64.mul (local.get $input) (global.get $P2))) (i64.const 31)) (global.get $P1)))

  (func $merge (param $h i64) (param $lane i64) (result i64)
    (i64.add (i64.mul (i64.xor (local.get $h) (call $round (i64.const 0) (local.get $lane))) (global.get $P1)) (global.get $P4)))

  ;; Starts a hash.
  (func (export "begin")
    (global.set $v1 (i64.add (global.get $P1) (global.get $P2)))
    (global.set $v2 (global.get $P2))
    (global.set $v3 (i64.const 0))
    (global.set $v4 (i64.sub (i64.const 0) (global.get $P1))))

  ;; Feeds `len` bytes at `ptr`; `len` is a multiple of 32 (whole stripes).
  (func (export "stripes") (param $ptr i32) (param $len i32)
    (local $p i32) (local $end i32) (local $v1 i64) (local $v2 i64) (local $v3 i64) (local $v4 i64)
    (local.set $v1 (global.get $v1))
    (local.set $v2 (global.get $v2))
    (local.set $v3 (global.get $v3))
    (local.set $v4 (global.get $v4))
    (local.set $p (local.get $ptr))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    ;; four independent lanes of 8 bytes, 32 bytes a step ($round written out: V8 does not inline it)
    (block $done
      (loop $stripe
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v1 (i64.mul (i64.rotl (i64.add (local.get $v1) (i64.mul (i64.load (local.get $p)) (global.get $P2))) (i64.const 31)) (global.get $P1)))
        (local.set $v2 (i64.mul (i64.rotl (i64.add (local.get $v2) (i64.mul (i64.load offset=8 (local.get $p)) (global.get $P2))) (i64.const 31)) (global.get $P1)))
        (local.set $v3 (i64.mul (i64.rotl (i64.add (local.get $v3) (i64.mul (i64.load offset=16 (local.get $p)) (global.get $P2))) (i64.const 31)) (global.get $P1)))
        (local.set $v4 (i64.mul (i64.rotl (i64.add (local.get $v4) (i64.mul (i64.load offset=24 (local.get $p)) (global.get $P2))) (i64.const 31)) (global.get $P1)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $stripe)))
    (global.set $v1 (local.get $v1))
    (global.set $v2 (local.get $v2))
    (global.set $v3 (local.get $v3))
    (global.set $v4 (local.get $v4)))

  ;; Ends the hash of `total` bytes: the lanes (when total >= 32), then the
  ;; last `len` (< 32) bytes at `ptr`, then the avalanche.
  (func (export "finish") (param $ptr i32) (param $len i32) (param $total i32) (result i64)
    (local $p i32) (local $end i32) (local $h i64)
    (if (i32.ge_u (local.get $total) (i32.const 32))
      (then
        (local.set $h
          (i64.add
            (i64.add (i64.rotl (global.get $v1) (i64.const 1)) (i64.rotl (global.get $v2) (i64.const 7)))
            (i64.add (i64.rotl (global.get $v3) (i64.const 12)) (i64.rotl (global.get $v4) (i64.const 18)))))
        (local.set $h (call $merge (local.get $h) (global.get $v1)))
        (local.set $h (call $merge (local.get $h) (global.get $v2)))
        (local.set $h (call $merge (local.get $h) (global.get $v3)))
        (local.set $h (call $merge (local.get $h) (global.get $v4))))
      (else
        (local.set $h (global.get $P5))))
    (local.set $h (i64.add (local.get $h) (i64.extend_i32_u (local.get $total))))
    (local.set $p (local.get $ptr))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    ;; the tail: 8 bytes at a time, then 4, then one at a time
    (block $eights_done
      (loop $eights
        (br_if $eights_done (i32.gt_u (i32.add (local.get $p) (i32.const 8)) (local.get $end)))
        (local.set $h (i64.xor (local.get $h) (call $round (i64.const 0) (i64.load (local.get $p)))))
        (local.set $h (i64.add (i64.mul (i64.rotl (local.get $h) (i64.const 27)) (global.get $P1)) (global.get $P4)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $eights)))
    (if (i32.le_u (i32.add (local.get $p) (i32.const 4)) (local.get $end))
      (then
        (local.set $h (i64.xor (local.get $h) (i64.mul (i64.load32_u (local.get $p)) (global.get $P1))))
        (local.set $h (i64.add (i64.mul (i64.rotl (local.get $h) (i64.const 23)) (global.get $P2)) (global.get $P3)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))))
    (block $bytes_done
      (loop $bytes
        (br_if $bytes_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $h (i64.xor (local.get $h) (i64.mul (i64.load8_u (local.get $p)) (global.get $P5))))
        (local.set $h (i64.mul (i64.rotl (local.get $h) (i64.const 11)) (global.get $P1)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $bytes)))
    ;; the avalanche
    (local.set $h (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))) (global.get $P2)))
    (local.set $h (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 29))) (global.get $P3)))
    (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 32))))
)
