import { Button, Table, type TableColumnsType, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import type { HTMLAttributes } from 'react';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { AnchorLink } from './AnchorLink.js';
import { RectificationStatusTag } from './RectificationStatusTag.js';
import './RectificationTable.css';

interface RectificationTableProps {
  items: readonly RectificationView[];
  /** Opens the item's details. */
  onOpen(item: RectificationView): void;
  /** A column before 序号, e.g. the meeting in the branch ledger. */
  lead?: TableColumnsType<RectificationView>[number];
  /** The server pages and sorts the ledger; the meeting's list is one page. */
  pagination?: TableProps<RectificationView>['pagination'];
  onChange?: TableProps<RectificationView>['onChange'];
  loading?: boolean;
  /** Which columns the server can sort by (the ledger): `seq`, `deadline`, `status`. */
  sortable?: boolean;
}

/** 整改事项 as rows: 序号, 所属方面, 问题表现, 责任人, 完成时限, 状态; overdue rows in red. */
export function RectificationTable({
  items,
  onOpen,
  lead,
  pagination = false,
  onChange,
  loading,
  sortable = false,
}: RectificationTableProps) {
  const { t } = useI18n();
  // The server sorts one way only (deadline, 序号, status: soonest and first at the top).
  const ascending: SortOrder[] = ['ascend'];
  const columns: TableColumnsType<RectificationView> = [
    ...(lead ? [lead] : []),
    {
      title: t('rect.seq'),
      key: 'seq',
      width: 64,
      sorter: sortable,
      sortDirections: ascending,
      render: (_, item) => (
        <Button type="link" size="small" data-testid="rect-open" onClick={() => onOpen(item)}>
          {item.seq}
        </Button>
      ),
    },
    { title: t('rect.aspect'), key: 'aspect', dataIndex: 'aspect' },
    {
      title: t('rect.problem'),
      key: 'problem',
      render: (_, item) => (
        <div className="rectification-table__problem">
          <span data-testid="rect-problem-text">{item.problem}</span>
          {item.anchor && <AnchorLink item={item} />}
        </div>
      ),
    },
    {
      title: t('rect.owner'),
      key: 'owner',
      render: (_, item) => <span data-testid="rect-owner-name">{item.owner.displayName}</span>,
    },
    {
      title: t('rect.deadline'),
      key: 'deadline',
      sorter: sortable,
      sortDirections: ascending,
      render: (_, item) => (item.longTerm ? t('rect.longTerm') : (item.deadline ?? '')),
    },
    {
      title: t('rect.status'),
      key: 'status',
      sorter: sortable,
      sortDirections: ascending,
      render: (_, item) => (
        <RectificationStatusTag
          status={item.status}
          verified={item.verified !== null}
          overdue={item.overdue}
        />
      ),
    },
  ];

  return (
    <Table<RectificationView>
      className="rectification-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...items]}
      pagination={pagination}
      onChange={onChange}
      loading={loading}
      locale={{ emptyText: t('rect.none') }}
      scroll={{ x: 'max-content' }}
      rowClassName={(item) => (item.overdue ? 'rectification-table__overdue' : '')}
      onRow={(item) =>
        ({
          'data-testid': 'rect-row',
          'data-id': item.id,
          'data-overdue': item.overdue,
          'data-status': item.status,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
