# fees-void.sh: a void (红冲) from the cashier's request to the director's
# approval.  The cashier takes a cash payment of 350.00 for house 1-1-202
# on the command line, then in the voids screen asks for the void of that
# receipt: it is shown first, an empty reason is refused and asked for
# again, a Chinese reason is taken.  The director, at another desk, sees it
# waiting with the reason and when it was asked, opens it, approves it
# after the confirmation with a note: it leaves the waiting list, and the
# house owes again what the payment had settled (report arrears).
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1795170600 # 2026-11-20 10:30 UTC
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 40 --seed 1 >/dev/null || fail "cannot make $DB"

# owed: what house 1-1-202 owes in all, from report arrears.
owed() {
	printf 'demo1234\n' | "$FD_BIN" --db "$DB" --config "$INI" report arrears \
	    --user director --password-stdin | awk '$1 == "1-1-202" { print $(NF-2) }'
}

[ "$(owed)" = "1,356.89" ] || fail "1-1-202 should owe 1,356.89 before, not '$(owed)'"
NO=$(printf 'demo1234\n' | "$FD_BIN" --db "$DB" --config "$INI" pay --house 1-1-202 \
    --amount 350 --method cash --user cashier --password-stdin | head -n 1)
[ "$NO" = "2026-000316" ] || fail "the payment should be receipt 2026-000316, not '$NO'"
[ "$(owed)" = "1,006.89" ] || fail "1-1-202 should owe 1,006.89 after paying, not '$(owed)'"

# the cashier asks for the void
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "收费管理" || finish
pick 红冲
wait_for "我的红冲申请" || finish
expect_text "2026-000206"
keys F2
wait_for "收据号（如 2026-000123）" || finish
type_text "$NO"
keys Enter
wait_for "请核对收据，然后按 F8 申请红冲。" || finish
expect_text "红冲 未申请红冲"
expect_text "合计：350.00"
expect_screen fees-void-receipt
keys F8
wait_for "的原因：" || finish
keys Enter
wait_for "红冲必须填写原因" || finish
expect_text "的原因："
type_text "金额输错，业主实际只交了三百元"
keys Enter
wait_for "已申请红冲收据 2026-000316，等待主任审批。" || finish
expect_text "共 2 笔"
expect_screen fees-void-asked

# the director, at another desk, approves it
PANE=fd2
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 4
wait_for "待审批红冲：1 笔" || finish
pick 红冲
wait_for "[待审批]" || finish
expect_text "金额输..."
expect_screen fees-void-waiting
keys Enter
wait_for "F2 批准" || finish
expect_text "原因      金额输错，业主实际只交了三百元"
expect_text "申请人 陈静 11-20 10:30"
# a page down shows the end of the receipt at the bottom, not one line
keys PageDown
wait_for "付款方式：现金" || finish
expect_screen fees-void-scrolled
keys PageUp
wait_for "收据，第 1-" || finish
keys F2
wait_for "该笔收款今" || finish
expect_screen fees-void-confirm
keys Enter
wait_for "备注（可不填）" || finish
type_text "已与业主核实"
keys Enter
wait_for "已批准红冲收据 2026-000316：该笔收款已冲回，账单重新变为未缴。" || finish
expect_text "没有待审批的红冲"
expect_screen fees-void-approved
keys Tab
wait_for "[全部]" || finish
expect_text "已批准 金额输错"
[ "$(owed)" = "1,356.89" ] || fail "1-1-202 should owe 1,356.89 again, not '$(owed)'"

# refused: the cashier asks to void a card receipt, then closes her day
PANE=fd
keys F2
wait_for "收据号（如 2026-000123）" || finish
type_text "2026-000313"
keys Enter
wait_for "收据 2026-000313" || finish
keys F8
wait_for "的原因：" || finish
type_text "刷错了卡"
keys Enter
wait_for "已申请红冲收据 2026-000313" || finish
keys Escape
wait_for "收费管理" || finish
pick 日结
wait_for "未日结" || finish
expect_text "退还现金          350.00"
keys Tab
type_text "272.64"
wait_for "账实相符" || finish
keys C-s
wait_for "确认日结" || finish
keys Enter
wait_for "2026-11-20 已日结。" || finish
# so the director cannot approve it today, and is told why
PANE=fd2
keys Tab
wait_for "[待审批]" || finish
wait_for "2026-000313" || finish
keys Enter
wait_for "F2 批准" || finish
keys F2
wait_for "批准红冲收据 2026-000313（450.00 银行卡" || finish
keys Enter
wait_for "备注（可不填）" || finish
keys Enter
wait_for "不能批准红冲" || finish
expect_text "陈静 已完成 2026-11-20 的日结"
expect_screen fees-void-refused
keys Enter
wait_gone "不能批准红冲" || finish
expect_text "红冲 待审批"
# rejected, then asked again an hour later: the waiting list shows when
# it was asked the second time, not the first
keys F3
wait_for "备注（可不填）" || finish
keys Enter
wait_for "没有待审批的红冲" || finish
PANE=fd
start 80 24 FRONTDESK_NOW=$((FRONTDESK_NOW + 3600))
login cashier
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "收费管理" || finish
pick 红冲
wait_for "我的红冲申请" || finish
keys F2
wait_for "收据号（如 2026-000123）" || finish
type_text "2026-000313"
keys Enter
wait_for "收据 2026-000313" || finish
keys F8
wait_for "的原因：" || finish
type_text "刷错了卡，重新申请"
keys Enter
wait_for "已申请红冲收据 2026-000313" || finish
PANE=fd2
keys r
wait_for "11-20 11:30" || finish
expect_text "2026-000313"
finish
